import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { db, sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { getMonoClient } from "../mono";
import type { TMonoTransfer } from "../mono/contract";
import { transition } from "../operations/transition";
import { raiseWebhookAlert } from "./raise-alert";

// bank_transfer_change_final_state on an operation we already closed (settled or failed): Mono
// flipped a transfer approved ↔ declined after the fact. The payload is not trusted: the batch's
// transfers are re-read from Mono. Item states are brought up to date; when the operation's
// outcome changes (any approved → settled, none → failed), the operation moves terminal →
// terminal through transition() with action "operation.final_state_corrected" (the only
// transition out of a final state, see docs/WEBHOOKS.md); either way the correction is audited
// and alerted, because money moved after the console reported a final answer.

export type TItemChange = {
  externalId: string;
  transferId: string;
  from: string | null;
  to: string;
};
export type TCorrection = {
  operationId: string;
  from: OperationState;
  to: OperationState;
  outcomeChanged: boolean;
  changes: TItemChange[];
  alertId: string | null;
};

const FINAL_TRANSFER = new Set(["approved", "declined", "cancelled", "duplicated"]);

async function batchTransfers(batchId: string, operationId: string): Promise<TMonoTransfer[]> {
  const out: TMonoTransfer[] = [];
  for (let page = 1; ; page++) {
    const r = await getMonoClient().listTransfers(
      { batch_id: batchId, page_number: page, page_size: 500 },
      { operationId },
    );
    out.push(...r.transfers);
    if (page >= r.pagination.total_pages) return out;
  }
}

export async function recordFinalStateCorrection(o: {
  operationId: string;
  webhookEventId?: bigint;
  ctx?: TAuditContext;
}): Promise<TCorrection | null> {
  const op = await db.operation.findUnique({
    where: { id: o.operationId },
    include: { items: true },
  });
  if (!op || !op.monoId || (op.state !== "settled" && op.state !== "failed")) return null;
  const byExternal = new Map(
    (await batchTransfers(op.monoId, op.id)).map((t) => [t.external_id, t]),
  );
  const changes: TItemChange[] = [];
  for (const it of op.items) {
    const t = byExternal.get(it.externalId);
    if (t && t.state !== it.monoState)
      changes.push({
        externalId: it.externalId,
        transferId: t.id,
        from: it.monoState,
        to: t.state,
      });
  }
  const states = op.items.map((it) => byExternal.get(it.externalId)?.state);
  const allFinal = states.every((st) => st && FINAL_TRANSFER.has(st));
  const outcome: OperationState = states.includes("approved") ? "settled" : "failed";
  const to = allFinal ? outcome : op.state;
  const outcomeChanged = to !== op.state;
  if (changes.length === 0 && !outcomeChanged)
    return {
      operationId: op.id,
      from: op.state,
      to: op.state,
      outcomeChanged,
      changes,
      alertId: null,
    };

  const ctx = o.ctx ?? { actorEmail: "system:webhooks" };
  const details = {
    webhookEventId: o.webhookEventId?.toString() ?? null,
    from: op.state,
    changes,
    confirmedBy: "GET /v1/transfers",
  };
  await sqlDb.transaction().execute(async (trx) => {
    for (const c of changes) {
      const t = byExternal.get(c.externalId)!;
      await trx
        .updateTable("OperationItem")
        .set({
          monoTransferId: t.id,
          monoState: t.state,
          declinationReason: t.declination_reason,
          updatedAt: new Date(),
        })
        .where("operationId", "=", op.id)
        .where("externalId", "=", c.externalId)
        .execute();
    }
    const moved =
      outcomeChanged &&
      (await transition(trx, {
        id: op.id,
        from: [op.state],
        to,
        action: "operation.final_state_corrected",
        details,
        ctx,
      }));
    if (!moved)
      await recordAudit(
        {
          action: "operation.transfer_state_corrected",
          target: { type: "operation", id: op.id },
          details,
          ctx,
        },
        trx,
      );
  });
  const alert = await raiseWebhookAlert({
    rule: "final_state_correction",
    subject: op.id,
    severity: outcomeChanged ? "critical" : "warning",
    title: outcomeChanged
      ? `Mono changed the final state of operation ${op.id}: ${op.state} → ${to}`
      : `Mono changed ${changes.length} transfer(s) of operation ${op.id} after it was ${op.state}`,
    details: {
      operationId: op.id,
      from: op.state,
      to,
      transfers: changes.map((c) => `${c.transferId}: ${c.from ?? "?"} → ${c.to}`).join(", "),
    },
  });
  return { operationId: op.id, from: op.state, to, outcomeChanged, changes, alertId: alert.id };
}
