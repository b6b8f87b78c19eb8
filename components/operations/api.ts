import { apiFetch } from "../api-client";
import type {
  OPERATION_KINDS,
  OPERATION_STATES,
  TOperationFilters,
} from "@/lib/operations/list-filters";
import type { z } from "zod";
import type {
  TBeneficiaryReveal,
  ZApproval,
  ZAttempt,
  ZContextPack,
  ZMaskedBeneficiary,
  ZOperation,
  ZOperationAudit,
  ZOperationDetail,
  ZOperationRow,
  ZTransferRowView,
} from "@/lib/api/resources/operation";
import type { ZPerson } from "@/lib/api/resources/wire";
import type { TStepUp } from "@/lib/api/resources/session";

// The browser's view of the operations API (app/api/operations/**): the types are the server's
// response schemas (lib/api/resources/operation.ts), so they cannot drift. Money is integer COP
// minor units as JSON numbers; dates are ISO strings; beneficiary numbers arrive masked.
export type TOperationState = (typeof OPERATION_STATES)[number];
export type TOperationKind = (typeof OPERATION_KINDS)[number];
export type TPerson = z.infer<typeof ZPerson>;
export type TMaskedBeneficiary = z.infer<typeof ZMaskedBeneficiary>;
export type TTransferRowView = z.infer<typeof ZTransferRowView>;
export type TOperationRow = z.infer<typeof ZOperationRow>;
/** An operation as the write routes answer it (masked, no Mono body). */
export type TOperationRecord = z.infer<typeof ZOperation>;
/** An operation as its detail page shows it: with its transfer items and what its state means. */
export type TOperation = TOperationDetail["operation"];
export type TApproval = z.infer<typeof ZApproval>;
export type TAttempt = z.infer<typeof ZAttempt>;
export type TAuditEntry = z.infer<typeof ZOperationAudit>;
export type TContextPack = z.infer<typeof ZContextPack>;
export type TOperationDetail = z.infer<typeof ZOperationDetail>;
export type { TBeneficiaryReveal };

export type TListFilters = Omit<TOperationFilters, "cursor" | "limit">;

export const operationKeys = {
  all: ["operations"] as const,
  lists: () => [...operationKeys.all, "list"] as const,
  list: (f: TListFilters) => [...operationKeys.lists(), f] as const,
  details: () => [...operationKeys.all, "detail"] as const,
  detail: (id: string) => [...operationKeys.details(), id] as const,
};

// The filters as the API (and the page URL) spell them: the same names ZOperationFilters parses.
export function filtersToSearch(f: TListFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.state?.length) q.set("state", f.state.join(","));
  if (f.kind?.length) q.set("kind", f.kind.join(","));
  if (f.range) q.set("range", f.range);
  if (f.minAmount !== undefined) q.set("minAmount", String(f.minAmount));
  if (f.maxAmount !== undefined) q.set("maxAmount", String(f.maxAmount));
  if (f.createdBy) q.set("createdBy", f.createdBy);
  if (f.awaitingMe) q.set("awaitingMe", f.awaitingMe);
  return q;
}

export function fetchOperationsPage(
  f: TListFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
  limit = 50,
) {
  const q = filtersToSearch(f);
  if (cursor) q.set("cursor", cursor);
  q.set("limit", String(limit));
  return apiFetch<{ operations: TOperationRow[]; nextCursor: string | null }>(
    `/api/operations?${q}`,
    { signal },
  );
}

export const exportHref = (f: TListFilters) => `/api/operations/export?${filtersToSearch(f)}`;

export const fetchOperation = (id: string, signal?: AbortSignal) =>
  apiFetch<TOperationDetail>(`/api/operations/${id}`, { signal });

export const decideRequest = (
  id: string,
  body: { decision: "approved" | "rejected"; fingerprint: string; comment?: string },
  idempotencyKey: string,
) =>
  apiFetch<{ operation: TOperationRecord }>(`/api/operations/${id}/decision`, {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });

export const stepUpRequest = (password: string) =>
  apiFetch<TStepUp>("/api/auth/step-up", { method: "POST", body: { password } });

export const cancelRequest = (id: string, reason: string) =>
  apiFetch<{ operation: TOperationRecord }>(`/api/operations/${id}/cancel`, {
    method: "POST",
    body: { reason },
  });

export const revealRequest = (id: string, reason: string) =>
  apiFetch<TBeneficiaryReveal>(`/api/operations/${id}/reveal`, {
    method: "POST",
    body: { reason },
  });

export type TEditPayout = {
  amount?: number;
  method?: "co_ach" | "co_mono_turbo" | "co_transfiya" | "co_breb";
  description?: string;
  reason: string;
};
export const editPayoutRequest = (id: string, body: TEditPayout, idempotencyKey: string) =>
  apiFetch<{ operation: TOperationRecord }>(`/api/operations/${id}`, {
    method: "PATCH",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
