import "server-only";
import { sql } from "kysely";
import { sqlDb } from "../db";
import type { TAuditContext } from "../audit/record-audit";
import type { TMonoTransfer } from "../mono/contract";
import { transition, type TTransition } from "./transition";

// Phase C, success: Mono accepted the operation. Accepted is not settled: settlement is
// confirmed later by reading the resource back (confirm-operation.ts). The change, its audit
// entry and the transfer rows' Mono ids commit together, and the rows only if the operation moved.
export async function recordAccepted(
  op: { id: string },
  r: {
    monoId: string;
    monoState: string;
    monoStateReason: string | null;
    sourceAmount: bigint | null;
    replayed: boolean;
    transfers?: TMonoTransfer[];
  },
  ctx?: TAuditContext,
): Promise<boolean> {
  const rows = (r.transfers ?? []).filter((t) => t.external_id);
  const change: TTransition = {
    id: op.id,
    from: ["sending"],
    to: "accepted",
    set: {
      monoId: r.monoId,
      monoState: r.monoState,
      monoStateReason: r.monoStateReason,
      ...(r.sourceAmount !== null ? { monoSourceAmount: r.sourceAmount } : {}),
      lockedUntil: null,
      acceptedAt: new Date(),
      lastErrorCode: null,
      lastErrorMessage: null,
    },
    action: "operation.accepted",
    details: { monoId: r.monoId, monoState: r.monoState, replayedByMono: r.replayed },
    ctx,
  };
  // A payout has no rows: its change is one statement in autocommit, and the audit chain's lock
  // is held only while that statement runs.
  if (rows.length === 0) return transition(sqlDb, change);
  return sqlDb.transaction().execute(async (trx) => {
    const moved = await transition(trx, change);
    // One statement for every row, the batch as one array per column.
    if (moved)
      await sql`UPDATE "OperationItem" AS i
        SET "monoTransferId" = v.trn, "monoState" = v.state, "declinationReason" = v.reason, "updatedAt" = now()
        FROM unnest(${rows.map((t) => t.external_id)}::text[], ${rows.map((t) => t.id)}::text[],
          ${rows.map((t) => t.state)}::text[], ${rows.map((t) => t.declination_reason ?? null)}::text[])
          AS v(ext, trn, state, reason)
        WHERE i."operationId" = ${op.id} AND i."externalId" = v.ext`.execute(trx);
    return moved;
  });
}
