"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { referenceKeys } from "../operations/reference-api";
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
      // Previews quote the policy (tiers, fees, kill switch): they must not show the old one.
      return qc.invalidateQueries({ queryKey: referenceKeys.all });
    },
    onError: () => qc.invalidateQueries({ queryKey: policyKeys.current() }),
  });
}
