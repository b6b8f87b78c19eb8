import { useMutation, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch } from "../api-client";
import type {
  ZBeneficiaryClear,
  ZBeneficiaryLinks,
  ZBeneficiaryView,
} from "@/lib/api/resources/beneficiary";

// The browser's view of the beneficiary API (app/api/beneficiaries/**): types from the server's
// response schemas. Numbers arrive masked; the reveal answers them in clear, once, not cached.
export type TBeneficiaryView = z.infer<typeof ZBeneficiaryView>;
export type TBeneficiaryLinks = z.infer<typeof ZBeneficiaryLinks>;
export type TBeneficiaryClear = z.infer<typeof ZBeneficiaryClear>;

export function useBeneficiary(key: string) {
  return useQuery({
    queryKey: ["beneficiary", key],
    queryFn: ({ signal }) =>
      apiFetch<TBeneficiaryView>(`/api/beneficiaries/${encodeURIComponent(key)}`, { signal }),
  });
}

export function useOperationBeneficiaries(operationId: string) {
  return useQuery({
    queryKey: ["operation-beneficiaries", operationId],
    queryFn: ({ signal }) =>
      apiFetch<TBeneficiaryLinks>(
        `/api/operations/${encodeURIComponent(operationId)}/beneficiaries`,
        { signal },
      ),
  });
}

export function useRevealBeneficiaryRecord() {
  return useMutation({
    mutationFn: (v: { key: string; reason: string }) =>
      apiFetch<TBeneficiaryClear>(`/api/beneficiaries/${encodeURIComponent(v.key)}/reveal`, {
        method: "POST",
        body: { reason: v.reason },
      }),
  });
}
