"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { operationKeys } from "../operations/api";
import { referenceKeys } from "../operations/reference-api";
import { resolveBrebRequest, submitPayoutRequest } from "./api";
import type { TPayoutInput } from "@/lib/operations/schemas";

export function useSubmitPayout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: TPayoutInput; key: string }) => submitPayoutRequest(v.body, v.key),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: operationKeys.lists() }),
        qc.invalidateQueries({ queryKey: referenceKeys.accounts() }),
      ]),
  });
}

export function useResolveBreb() {
  return useMutation({ mutationFn: resolveBrebRequest });
}
