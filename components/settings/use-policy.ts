"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { referenceKeys } from "../operations/reference-api";
import { alertKeys } from "../alerts/api";
import { fetchPolicy, policyKeys, savePolicyRequest } from "./api";

export function usePolicy() {
  return useQuery({ queryKey: policyKeys.current(), queryFn: ({ signal }) => fetchPolicy(signal) });
}

export function useSavePolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: savePolicyRequest,
    onSuccess: (p) => {
      qc.setQueryData(policyKeys.current(), p);
      // Previews quote the policy (tiers, fees, kill switch): they must not show the old one; the
      // console-wide banner shows the kill switch.
      return Promise.all([
        qc.invalidateQueries({ queryKey: referenceKeys.all }),
        qc.invalidateQueries({ queryKey: alertKeys.banner() }),
      ]);
    },
    onError: () => qc.invalidateQueries({ queryKey: policyKeys.current() }),
  });
}
