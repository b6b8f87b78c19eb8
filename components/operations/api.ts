import { apiFetch } from "../api-client";
import type {
  OPERATION_KINDS,
  OPERATION_STATES,
  TOperationFilters,
} from "@/lib/operations/list-filters";
import type { TBeneficiary } from "@/lib/operations/schemas";

// The browser's view of the operations API (app/api/operations/**). Money is integer COP minor
// units as JSON numbers (lib/api/json.ts); dates are ISO strings.
export type TOperationState = (typeof OPERATION_STATES)[number];
export type TOperationKind = (typeof OPERATION_KINDS)[number];
export type TPerson = { id: string; name: string; email: string };
export type TMaskedBeneficiary = Omit<TBeneficiary, "email"> & { email?: string };
export type TTransferRowView = {
  amount: number;
  beneficiary: TMaskedBeneficiary;
  description?: string;
};

export type TOperationRow = {
  id: string;
  kind: TOperationKind;
  state: TOperationState;
  amount: number;
  feeEstimate: number;
  currency: string;
  sourceAccountId: string;
  method: string | null;
  transferMode: string | null;
  target: TMaskedBeneficiary | TTransferRowView[];
  rowCount: number;
  reason: string;
  ticketRef: string | null;
  monoId: string | null;
  monoState: string | null;
  requiredApprovals: number;
  stepUpRequired: boolean;
  createdById: string;
  createdAt: string;
  updatedAt: string;
  lastErrorCode: string | null;
  fingerprint: string;
  approvalsGiven: number;
  createdBy: TPerson | null;
};

export type TOperation = Omit<TOperationRow, "approvalsGiven" | "createdBy"> & {
  description: string | null;
  idempotencyKey: string;
  externalId: string;
  monoStateReason: string | null;
  monoSourceAmount: number | null;
  attemptCount: number;
  firstSentAt: string | null;
  lastErrorMessage: string | null;
  policyVersion: number;
  duplicateReason: string | null;
  acceptedAt: string | null;
  finishedAt: string | null;
  meaning: string;
  items: {
    id: string;
    position: number;
    externalId: string;
    amount: number;
    bankCode: string;
    accountNumber: string;
    payeeName: string;
    monoTransferId: string | null;
    monoState: string | null;
    declinationReason: string | null;
  }[];
};

export type TApproval = {
  id: string;
  decision: "approved" | "rejected";
  comment: string | null;
  stepUp: boolean;
  at: string;
  approver: TPerson | null;
  current: boolean;
};
export type TAttempt = {
  requestId: string;
  monoLogId: string | null;
  method: string;
  endpoint: string;
  status: number | null;
  statusClass: string | null;
  errorCode: string | null;
  attempt: number;
  durationMs: number | null;
  delayBeforeMs: number | null;
  delayReason: string | null;
  at: string;
};
export type TAuditEntry = {
  seq: string;
  at: string;
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
  requestId: string | null;
};
export type TContextPack = {
  available: number | null;
  balanceAfter: number | null;
  lowBalanceFloor: number;
  belowFloorAfter: boolean;
  priorToBeneficiary: { id: string; state: TOperationState; amount: number; createdAt: string }[];
};
export type TOperationDetail = {
  operation: TOperation;
  createdBy: TPerson | null;
  approvals: TApproval[];
  attempts: TAttempt[];
  audit: TAuditEntry[];
  permissions: { canDecide: boolean; canCancel: boolean; canEdit: boolean };
  context: TContextPack | null;
};

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
  apiFetch<{ operation: TOperation }>(`/api/operations/${id}/decision`, {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });

export const stepUpRequest = (password: string) =>
  apiFetch<{ until: string }>("/api/auth/step-up", { method: "POST", body: { password } });

export const cancelRequest = (id: string, reason: string) =>
  apiFetch<{ operation: TOperation }>(`/api/operations/${id}/cancel`, {
    method: "POST",
    body: { reason },
  });

export const revealRequest = (id: string, reason: string) =>
  apiFetch<{
    target: TBeneficiary | { amount: number; beneficiary: TBeneficiary; description?: string }[];
    items: { position: number; accountNumber: string }[];
  }>(`/api/operations/${id}/reveal`, {
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
  apiFetch<{ operation: TOperation }>(`/api/operations/${id}`, {
    method: "PATCH",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
