import { z } from "zod";
import type { Operation, OperationItem } from "@/generated/prisma/browser";
import { OPERATION_KINDS, OPERATION_STATES } from "../../operations/list-filters";
import {
  maskBeneficiaryKey,
  maskDigits,
  maskPii,
  maskTarget,
  maskText,
} from "../../operations/mask";
import { STATE_MEANING } from "../../operations/state-meaning";
import { present, ZIso, ZJsonObject, ZMasked, ZMoney, ZPerson } from "./wire";

// The operation resource: every answer that carries an operation goes through these schemas and
// presenters. Beneficiary numbers are masked (target, transfer items, beneficiaryKey), the stored
// Mono body (`monoRequest`) is never answered. The clear numbers come only from the audited
// reveal (POST /api/operations/{id}/reveal, ZBeneficiaryReveal below).

export const ZOperationState = z.enum(OPERATION_STATES);
export const ZOperationKind = z.enum(OPERATION_KINDS);

export const ZMaskedBeneficiary = z.object({
  bankCode: z.string(),
  accountType: z.string(),
  accountNumber: ZMasked,
  name: z.string(),
  documentType: z.string(),
  documentNumber: ZMasked,
  email: z.string().optional(),
  phone: ZMasked.optional(),
});
export const ZTransferRowView = z.object({
  amount: ZMoney,
  beneficiary: ZMaskedBeneficiary,
  description: z.string().optional(),
});
export const ZMaskedTarget = z.union([z.array(ZTransferRowView), ZMaskedBeneficiary]);

// Every column but the Mono body; money as integer minor units, dates as ISO strings.
export const ZOperation = z.object({
  id: z.string(),
  kind: ZOperationKind,
  state: ZOperationState,
  amount: ZMoney,
  feeEstimate: ZMoney,
  currency: z.string(),
  sourceAccountId: z.string(),
  method: z.string().nullable(),
  transferMode: z.string().nullable(),
  target: ZMaskedTarget,
  beneficiaryKey: ZMasked.nullable(),
  rowCount: z.number().int(),
  description: z.string().nullable(),
  reason: z.string(),
  ticketRef: z.string().nullable(),
  idempotencyKey: z.string(),
  externalId: z.string(),
  fingerprint: z.string(),
  monoId: z.string().nullable(),
  monoState: z.string().nullable(),
  monoStateReason: z.string().nullable(),
  monoSourceAmount: ZMoney.nullable(),
  attemptCount: z.number().int(),
  lockedUntil: ZIso.nullable(),
  lockedBy: z.string().nullable(),
  firstSentAt: ZIso.nullable(),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  requiredApprovals: z.number().int(),
  stepUpRequired: z.boolean(),
  policyVersion: z.number().int(),
  duplicateReason: z.string().nullable(),
  createdById: z.string(),
  createdAt: ZIso,
  updatedAt: ZIso,
  acceptedAt: ZIso.nullable(),
  finishedAt: ZIso.nullable(),
});
export type TOperation = z.infer<typeof ZOperation>;

function maskedFields(
  op: Pick<TOperationRecord, "target" | "beneficiaryKey" | "lastErrorMessage">,
) {
  return {
    target: maskTarget(op.target),
    beneficiaryKey: maskBeneficiaryKey(op.beneficiaryKey),
    lastErrorMessage: op.lastErrorMessage === null ? null : maskText(op.lastErrorMessage),
  };
}

/** An operation row as either layer reads it (Prisma Client or Kysely's selectAll). */
export type TOperationRecord = Omit<Operation, "target" | "monoRequest"> & {
  target: unknown;
  monoRequest?: unknown;
};

/** One operation as any answer shows it: masked, without `monoRequest`. */
export function presentOperation(op: TOperationRecord): TOperation {
  return present(ZOperation, { ...op, monoRequest: undefined, ...maskedFields(op) });
}

// The list (and CSV export) row: these columns, read by lib/operations/list-operations.ts.
export const OPERATION_ROW_FIELDS = {
  id: true,
  kind: true,
  state: true,
  amount: true,
  feeEstimate: true,
  currency: true,
  sourceAccountId: true,
  method: true,
  transferMode: true,
  target: true,
  rowCount: true,
  reason: true,
  ticketRef: true,
  monoId: true,
  monoState: true,
  requiredApprovals: true,
  stepUpRequired: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  lastErrorCode: true,
  fingerprint: true,
} as const;
export const ZOperationRow = ZOperation.pick(OPERATION_ROW_FIELDS).extend({
  approvalsGiven: z.number().int(),
  createdBy: ZPerson.nullable(),
});
export type TOperationRow = z.infer<typeof ZOperationRow>;

export const ZOperationPage = z.object({
  operations: z.array(ZOperationRow),
  nextCursor: z.string().nullable(),
});
export type TOperationPage = z.infer<typeof ZOperationPage>;

export function presentOperationPage(page: {
  operations: ({ target: unknown } & Record<string, unknown>)[];
  nextCursor: string | null;
}): TOperationPage {
  return present(ZOperationPage, {
    operations: page.operations.map((o) => ({
      ...o,
      target: maskTarget(o.target),
      beneficiaryKey: undefined,
      monoRequest: undefined,
    })),
    nextCursor: page.nextCursor,
  });
}

export const ZOperationItem = z.object({
  id: z.string(),
  operationId: z.string(),
  position: z.number().int(),
  externalId: z.string(),
  amount: ZMoney,
  bankCode: z.string(),
  accountNumber: ZMasked,
  payeeName: z.string(),
  monoTransferId: z.string().nullable(),
  monoState: z.string().nullable(),
  declinationReason: z.string().nullable(),
  duplicateReason: z.string().nullable(),
  updatedAt: ZIso,
});
export type TOperationItem = z.infer<typeof ZOperationItem>;

export function maskItem<T extends Pick<OperationItem, "accountNumber">>(it: T): T {
  return { ...it, accountNumber: maskDigits(it.accountNumber) };
}

export const ZApproval = z.object({
  id: z.string(),
  operationId: z.string(),
  approverId: z.string(),
  decision: z.enum(["approved", "rejected"]),
  fingerprint: z.string(),
  comment: z.string().nullable(),
  stepUp: z.boolean(),
  at: ZIso,
  approver: ZPerson.nullable(),
  current: z.boolean(),
});
export const ZAttempt = z.object({
  requestId: z.string(),
  monoLogId: z.string().nullable(),
  method: z.string(),
  endpoint: z.string(),
  status: z.number().int().nullable(),
  statusClass: z.string().nullable(),
  errorCode: z.string().nullable(),
  attempt: z.number().int(),
  callId: z.string(),
  durationMs: z.number().nullable(),
  delayBeforeMs: z.number().nullable(),
  delayReason: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  at: ZIso,
});
export const ZOperationAudit = z.object({
  seq: z.string(),
  at: ZIso,
  actorEmail: z.string().nullable(),
  action: z.string(),
  details: ZJsonObject,
  requestId: z.string().nullable(),
});
export const ZContextPack = z.object({
  available: ZMoney.nullable(),
  balanceAfter: ZMoney.nullable(),
  lowBalanceFloor: ZMoney,
  belowFloorAfter: z.boolean(),
  priorToBeneficiary: z.array(
    z.object({ id: z.string(), state: ZOperationState, amount: ZMoney, createdAt: ZIso }),
  ),
});
export const ZOperationDetail = z.object({
  operation: ZOperation.extend({ items: z.array(ZOperationItem), meaning: z.string() }),
  createdBy: ZPerson.nullable(),
  approvals: z.array(ZApproval),
  attempts: z.array(ZAttempt),
  audit: z.array(ZOperationAudit),
  permissions: z.object({ canDecide: z.boolean(), canCancel: z.boolean(), canEdit: z.boolean() }),
  context: ZContextPack.nullable(),
});
export type TOperationDetail = z.infer<typeof ZOperationDetail>;
export type TOperationWithItems = TOperationDetail["operation"];

export function presentOperationDetail(d: {
  operation: Operation & { items: OperationItem[] };
  audit: { details: unknown }[];
  [k: string]: unknown;
}): TOperationDetail {
  const op = d.operation;
  return present(ZOperationDetail, {
    ...d,
    operation: {
      ...op,
      monoRequest: undefined,
      ...maskedFields(op),
      items: op.items.map(maskItem),
      meaning: STATE_MEANING[op.state],
    },
    // Free text people type (approval comments, rejection reasons) is masked like other free text.
    approvals: Array.isArray(d.approvals)
      ? (d.approvals as { comment?: string | null }[]).map((a) => ({
          ...a,
          comment: a.comment ? maskText(a.comment) : (a.comment ?? null),
        }))
      : d.approvals,
    audit: d.audit.map((a) => ({ ...a, details: maskPii(a.details) })),
  });
}

// The audited reveal's answer: the beneficiary data in clear, for a permitted role with a reason.
const ZClearBeneficiary = ZMaskedBeneficiary.extend({
  accountNumber: z.string(),
  documentNumber: z.string(),
  phone: z.string().optional(),
});
export const ZBeneficiaryReveal = z.object({
  target: z.union([
    z.array(ZTransferRowView.extend({ beneficiary: ZClearBeneficiary })),
    ZClearBeneficiary,
  ]),
  items: z.array(z.object({ position: z.number().int(), accountNumber: z.string() })),
  beneficiaryKey: z.string().nullable(),
});
export type TBeneficiaryReveal = z.infer<typeof ZBeneficiaryReveal>;
export function presentBeneficiaryReveal(r: unknown): TBeneficiaryReveal {
  return present(ZBeneficiaryReveal, r);
}

// What the write routes (submit, edit, decide, cancel) and their resumed retries answer.
export const ZOperationWrite = z.object({ operation: ZOperation });
export type TOperationWrite = z.infer<typeof ZOperationWrite>;
