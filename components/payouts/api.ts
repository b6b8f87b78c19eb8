import { apiFetch } from "../api-client";
import type { TOperationRecord } from "../operations/api";
import type { TPayoutInput } from "@/lib/operations/schemas";

import type { TBrebTarget } from "@/lib/api/resources/reference";

// The resolved Bre-B holder (lib/api/resources/reference.ts): its numbers in clear, because the
// form submits them as the beneficiary.
export type { TBrebTarget };

export const submitPayoutRequest = (body: TPayoutInput, idempotencyKey: string) =>
  apiFetch<{ operation: TOperationRecord }>("/api/operations/payouts", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });

export const resolveBrebRequest = (body: { sourceAccountId: string; key: string }) =>
  apiFetch<TBrebTarget>("/api/mono/breb-resolve", { method: "POST", body });
