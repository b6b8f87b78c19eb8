import { apiFetch } from "../api-client";
import type { TOperationRecord } from "../operations/api";
import type { TPayoutInput } from "@/lib/operations/schemas";

export type TBrebTarget = {
  holderName: string;
  documentType: string;
  documentNumber: string;
  documentMasked: string;
  accountNumber: string;
  accountType: string;
  keyType: string;
  targetId: string;
};

export const submitPayoutRequest = (body: TPayoutInput, idempotencyKey: string) =>
  apiFetch<{ operation: TOperationRecord }>("/api/operations/payouts", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });

export const resolveBrebRequest = (body: { sourceAccountId: string; key: string }) =>
  apiFetch<TBrebTarget>("/api/mono/breb-resolve", { method: "POST", body });
