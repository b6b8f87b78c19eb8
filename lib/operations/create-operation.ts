import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, OperationKind } from "@/generated/prisma/client";
import { jsonb, sqlDb } from "../db";
import { newId } from "../ids";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
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
    async (trx, v) => {
      // The operation, its transfer rows, its audit entry and the request's Idempotency-Key
      // commit together, inside the guard's transaction (what was checked is what commits).
      const now = new Date();
      await trx
        .insertInto("Operation")
        .values({
          id,
          kind: draft.kind,
          state: v.state,
          amount: draft.amount,
          feeEstimate: draft.fee,
          sourceAccountId: draft.sourceAccountId,
          method: draft.method ?? null,
          transferMode: draft.transferMode ?? null,
          target: jsonb(draft.target),
          beneficiaryKey: draft.beneficiaryKey,
          rowCount: items?.length ?? 1,
          description: draft.description ?? null,
          reason: draft.reason,
          ticketRef: draft.ticketRef ?? null,
          idempotencyKey: randomUUID(),
          externalId,
          fingerprint: fingerprintOf(monoRequest),
          monoRequest: jsonb(monoRequest),
          requiredApprovals: v.tier.requiredApprovals,
          stepUpRequired: v.tier.stepUp,
          policyVersion: v.policy.version,
          duplicateReason: draft.duplicateReason ?? null,
          createdById: user.id,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      if (items?.length)
        await trx
          .insertInto("OperationItem")
          .values(
            items.map((it, position) => ({
              id: newId("opi"),
              operationId: id,
              position,
              externalId: it.externalId,
              amount: it.amount,
              bankCode: it.bankCode,
              accountNumber: it.accountNumber,
              payeeName: it.payeeName,
              duplicateReason: it.duplicateReason,
              updatedAt: now,
            })),
          )
          .execute();
      await bindInboundRequest(trx, o.inbound, id);
      // The audit entry last: the chain's lock (one for the whole chain) is then held only for
      // this statement and the COMMIT.
      const rowReasons = items?.filter((it) => it.duplicateReason).length ?? 0;
      await recordAudit(
        {
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
        },
        trx,
      );
    },
  );
  faultPoint("after_operation_commit");
  // The kill switch is checked against the policy this request decided with (read milliseconds ago).
  if (verdict.state === "approved") await sendOperation(id, { ctx, policy: o.policy });
  return sqlDb.selectFrom("Operation").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}
