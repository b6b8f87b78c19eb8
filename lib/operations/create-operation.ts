import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Operation, type OperationKind } from "@/generated/prisma/client";
import { pgSql } from "../db-legacy";
import { newId } from "../ids";
import { auditAppendSql, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { bindInboundRequest, type TInbound } from "../api/idempotency";
import { faultPoint } from "../faults/fault-point";
import type { TPolicy } from "../guard/get-policy";
import { guardMoneyChange, type TMoneyRow } from "../guard/guard-money-change";
import { fingerprintOf } from "./build-mono-request";
import { sendOperation } from "./send-operation";

export type TOperationDraft = {
  kind: OperationKind;
  amount: bigint;
  fee: bigint;
  sourceAccountId: string;
  method?: string;
  transferMode?: string;
  target: Prisma.InputJsonValue;
  beneficiaryKey: string | null;
  // What the guard compares: one row for a payout, one per transfer for a batch.
  guardRows: TMoneyRow[];
  // Transfer rows, built from the operation's external id (each row's external_id derives from it).
  items?: (externalId: string) => {
    externalId: string;
    amount: bigint;
    bankCode: string;
    accountNumber: string;
    payeeName: string;
    duplicateReason: string | null;
  }[];
  description?: string;
  reason: string;
  ticketRef?: string;
  duplicateReason?: string;
  // Builds the exact Mono body from the ids minted here, so the body embeds the external id.
  buildMonoRequest: (ids: { operationId: string; externalId: string }) => Prisma.InputJsonValue;
};

// Phase A of the write path: the guard decides, and inside its ONE transaction the operation is
// inserted with its idempotency key, external id and fingerprint (plus its rows and audit entry),
// and the console's Idempotency-Key is bound to it. From here the operation cannot be lost, and
// the request that created it can never create another. Operations that need no approval are
// sent right away (unless the kill switch is on: the backlog job sends them later).
export async function createOperation(
  draft: TOperationDraft,
  user: TCurrentUser,
  ctx: TAuditContext,
  o: { policy: TPolicy; inbound?: TInbound | null },
) {
  const id = newId("op");
  const externalId = `mops-${id}`;
  const monoRequest = draft.buildMonoRequest({ operationId: id, externalId });
  const items = draft.items?.(externalId);
  const { verdict } = await guardMoneyChange(
    {
      userId: user.id,
      sourceAccountId: draft.sourceAccountId,
      amount: draft.amount,
      fee: draft.fee,
      rows: draft.guardRows,
    },
    o.policy,
    async (tx, v) => {
      // One statement for the operation, its transfer rows and its audit entry. The rows travel
      // as one array per column, so the statement's text is the same for a batch of 1 or 1,000.
      const now = new Date();
      const rows = items?.length
        ? Prisma.sql`, rows AS (
          INSERT INTO "OperationItem" ("id", "operationId", "position", "externalId", "amount", "bankCode",
            "accountNumber", "payeeName", "duplicateReason", "updatedAt")
          SELECT v.id, op.id, v.position, v.ext, v.amount, v.bank, v.account, v.payee, v.dup, ${now}
          FROM op, unnest(${items.map(() => newId("opi"))}::text[], ${items.map((_, i) => i)}::int[],
            ${items.map((it) => it.externalId)}::text[], ${items.map((it) => it.amount.toString())}::bigint[],
            ${items.map((it) => it.bankCode)}::text[], ${items.map((it) => it.accountNumber)}::text[],
            ${items.map((it) => it.payeeName)}::text[], ${items.map((it) => it.duplicateReason)}::text[])
            AS v(id, position, ext, amount, bank, account, payee, dup))`
        : Prisma.empty;
      const rowReasons = items?.filter((it) => it.duplicateReason).length ?? 0;
      await tx.$queryRaw`
      WITH op AS (
        INSERT INTO "Operation" ("id", "kind", "state", "amount", "feeEstimate", "sourceAccountId", "method",
          "transferMode", "target", "beneficiaryKey", "rowCount", "description", "reason", "ticketRef",
          "idempotencyKey", "externalId", "fingerprint", "monoRequest", "requiredApprovals", "stepUpRequired",
          "policyVersion", "duplicateReason", "createdById", "createdAt", "updatedAt")
        VALUES (${id}, ${draft.kind}::"OperationKind", ${v.state}::"OperationState", ${draft.amount}, ${draft.fee},
          ${draft.sourceAccountId}, ${draft.method ?? null}, ${draft.transferMode ?? null},
          ${JSON.stringify(draft.target)}::jsonb, ${draft.beneficiaryKey}, ${items?.length ?? 1}::int,
          ${draft.description ?? null}, ${draft.reason}, ${draft.ticketRef ?? null}, ${randomUUID()},
          ${externalId}, ${fingerprintOf(monoRequest)}, ${JSON.stringify(monoRequest)}::jsonb,
          ${v.tier.requiredApprovals}::int, ${v.tier.stepUp}, ${v.policy.version}::int, ${draft.duplicateReason ?? null},
          ${user.id}, ${now}, ${now})
        RETURNING "id")${rows}
      SELECT ${auditAppendSql({
        action: "operation.created",
        target: { type: "operation", id },
        details: {
          kind: draft.kind,
          amount: draft.amount,
          state: v.state,
          tier: v.tier.kind,
          policyVersion: v.policy.version,
          available: v.available,
          fee: draft.fee,
          duplicateReason: draft.duplicateReason ?? null,
          ...(items ? { rowDuplicateReasons: rowReasons } : {}),
          ticketRef: draft.ticketRef ?? null,
        },
        ctx,
      })} FROM op`;
      await bindInboundRequest(tx, o.inbound, id);
    },
  );
  faultPoint("after_operation_commit");
  // The kill switch is checked against the policy this request decided with (read milliseconds ago).
  let accepted: Operation | null = null;
  if (verdict.state === "approved")
    await sendOperation(id, { ctx, policy: o.policy, onAccepted: (row) => (accepted = row) });
  if (accepted) return accepted;
  const [op] = await pgSql.$queryRaw<Operation[]>`SELECT * FROM "Operation" WHERE "id" = ${id}`;
  return op;
}
