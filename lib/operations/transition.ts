import "server-only";
import { Prisma, type Operation, type OperationState } from "@/generated/prisma/client";
import { type TTx } from "../db";
import { pgSql, type TSqlRunner } from "../db-legacy";
import { auditAppendSql, recordAudit, type TAuditContext } from "../audit/record-audit";

// Every state change goes through here: the precondition is in the WHERE clause (so two workers,
// two clicks or a webhook racing a poller can never both move the same operation), and the audit
// entry commits in the same transaction as the change.
export async function transition(
  tx: TTx,
  o: {
    id: string;
    from: OperationState[];
    to: OperationState;
    data?: Prisma.OperationUpdateManyMutationInput;
    action: string;
    details?: Record<string, unknown>;
    ctx?: TAuditContext;
  },
): Promise<boolean> {
  const r = await tx.operation.updateMany({
    where: { id: o.id, state: { in: o.from } },
    data: { ...o.data, state: o.to },
  });
  if (r.count === 0) return false;
  await recordAudit(auditOf(o), tx);
  return true;
}

type TTransitionAudit = {
  id: string;
  to: OperationState;
  action: string;
  details?: Record<string, unknown>;
  ctx?: TAuditContext;
};
const auditOf = (o: TTransitionAudit) => ({
  action: o.action,
  target: { type: "operation", id: o.id },
  details: { to: o.to, ...o.details },
  ctx: o.ctx ?? { actorEmail: "system" },
});

/**
 * The same guarded change and audit entry as transition(), as ONE statement in its own implicit
 * transaction, for hot paths with nothing else to commit alongside (Phase C of a payout): no
 * interactive transaction, and the audit chain's lock is held only while the statement runs, not
 * across a COMMIT round trip. `set`: extra assignments, e.g. Prisma.sql`"monoId" = ${id}`;
 * `also`: a data-modifying statement that runs only with the change (it may join `moved`).
 */
export async function transitionAlone(
  o: TTransitionAudit & { from: OperationState[]; set: Prisma.Sql; also?: Prisma.Sql },
  // A node-pg transaction when the change must commit with other statements (an edit's guard).
  runner: TSqlRunner = pgSql,
): Promise<Operation | null> {
  const now = new Date();
  // The moved row comes back as it now stands, so callers need not read it again.
  const rows = await runner.$queryRaw<(Operation & { auditHash?: string })[]>`
    WITH moved AS (
      UPDATE "Operation" SET ${o.set}, "state" = ${o.to}::"OperationState", "updatedAt" = ${now}
      WHERE "id" = ${o.id} AND "state"::text = ANY(${o.from as string[]})
      RETURNING *)${o.also ? Prisma.sql`, also AS (${o.also})` : Prisma.empty}
    SELECT moved.*, ${auditAppendSql(auditOf(o))} AS "auditHash" FROM moved`;
  if (rows.length === 0) return null;
  const row = rows[0];
  delete row.auditHash;
  return row;
}

export const FINAL_STATES: OperationState[] = [
  "settled",
  "failed",
  "rejected",
  "cancelled",
  "expired",
];
// States whose money is committed or may still move: they count towards caps and duplicates.
export const LIVE_STATES: OperationState[] = [
  "draft",
  "pending_approval",
  "approved",
  "sending",
  "accepted",
  "settled",
  "needs_attention",
];
