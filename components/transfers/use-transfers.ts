"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { operationKeys } from "../operations/api";
import { referenceKeys } from "../operations/reference-api";
import { submitTransfersRequest } from "./api";
import type { TTransfersInput } from "@/lib/operations/schemas";

export function useSubmitTransfers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { body: TTransfersInput; key: string }) =>
      submitTransfersRequest(v.body, v.key),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: operationKeys.lists() }),
        qc.invalidateQueries({ queryKey: referenceKeys.accounts() }),
      ]),
  });
}
