import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { db, sqlDb } from "../db";
import type { TAuditContext } from "../audit/record-audit";
import { getMonoClient } from "../mono";
import type { TMonoTransfer } from "../mono/contract";
import { transition } from "./transition";

export type TConfirmResult = { state: OperationState; changed: boolean };

// Reads the resource back from Mono (the API, never a webhook payload, is the truth) and moves an
// accepted operation to settled or failed only when Mono says the state is final.
export async function confirmOperation(id: string, ctx?: TAuditContext): Promise<TConfirmResult> {
  const op = await db.operation.findUnique({ where: { id }, include: { items: true } });
  if (!op || !op.monoId) return { state: op?.state ?? "failed", changed: false };
  if (op.state !== "accepted") return { state: op.state, changed: false };
  const mono = getMonoClient();

  if (op.kind === "payout") {
    const p = await mono.getPayout(op.monoId, { operationId: op.id });
    const to = p.state === "settled" ? "settled" : p.state === "failed" ? "failed" : null;
    const data = {
      monoState: p.state,
      monoStateReason: p.state_reason,
      monoSourceAmount: BigInt(p.source_amount.amount),
    };
    if (!to) {
      await db.operation.updateMany({ where: { id, state: "accepted" }, data });
      return { state: "accepted", changed: false };
    }
    const changed = await transition(sqlDb, {
      id,
      from: ["accepted"],
      to,
      set: { ...data, finishedAt: new Date() },
      action: `operation.${to}`,
      details: {
        confirmedBy: "GET /v1/core/payouts/{id}",
        monoState: p.state,
        reason: p.state_reason,
      },
      ctx,
    });
    return { state: changed ? to : op.state, changed };
  }

  const transfers = await listBatchTransfers(op.monoId, op.id);
  const byExternal = new Map(transfers.map((t) => [t.external_id, t]));
  const finals = op.items
    .map((it) => byExternal.get(it.externalId)?.state)
    .filter((s) => s === "approved" || s === "declined" || s === "cancelled" || s === "duplicated");
  const allFinal = finals.length === op.items.length;
  const anyApproved = finals.includes("approved");
  const to = allFinal ? (anyApproved ? "settled" : "failed") : null;
  // The rows' Mono states and the operation's change commit together (one Kysely transaction).
  return sqlDb.transaction().execute(async (trx) => {
    for (const it of op.items) {
      const t = byExternal.get(it.externalId);
      if (t && (t.state !== it.monoState || t.id !== it.monoTransferId)) {
        await trx
          .updateTable("OperationItem")
          .set({
            monoTransferId: t.id,
            monoState: t.state,
            declinationReason: t.declination_reason,
            updatedAt: new Date(),
          })
          .where("id", "=", it.id)
          .execute();
      }
    }
    const batchState = transfers[0]?.batch.state ?? op.monoState;
    if (!to) {
      await trx
        .updateTable("Operation")
        .set({ monoState: batchState, updatedAt: new Date() })
        .where("id", "=", id)
        .where("state", "=", "accepted")
        .execute();
      return { state: "accepted" as const, changed: false };
    }
    const declined = finals.filter((s) => s !== "approved").length;
    const changed = await transition(trx, {
      id,
      from: ["accepted"],
      to,
      set: { monoState: batchState, finishedAt: new Date() },
      action: `operation.${to}`,
      details: { confirmedBy: "GET /v1/transfers", approved: finals.length - declined, declined },
      ctx,
    });
    return { state: changed ? to : op.state, changed };
  });
}

async function listBatchTransfers(batchId: string, operationId: string): Promise<TMonoTransfer[]> {
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
