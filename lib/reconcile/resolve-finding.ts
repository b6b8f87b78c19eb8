import "server-only";
import { db, sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { resolveCleared } from "../alerts/resolve-alerts";

// A person closes a finding with a reason (what was found, what was done). The precondition
// (still open) is in the WHERE clause and the audit entry commits with the change. When no
// critical finding is left open, the reconciliation alert resolves now rather than at the
// alerts engine's next pass.
export async function resolveFinding(
  id: string,
  reason: string,
  actor: { id: string; email: string },
  ctx: TAuditContext,
) {
  const moved = await sqlDb.transaction().execute(async (trx) => {
    const d = await trx
      .updateTable("Drift")
      .set({ resolvedAt: new Date(), resolvedById: actor.id, resolution: reason })
      .where("id", "=", id)
      .where("resolvedAt", "is", null)
      .returning(["kind", "severity", "operationId", "monoObjectId"])
      .executeTakeFirst();
    if (!d) return null;
    await recordAudit(
      {
        action: "reconciliation.finding_resolved",
        target: { type: "drift", id },
        details: { ...d, reason, by: actor.email },
        ctx,
      },
      trx,
    );
    return d;
  });
  if (!moved) {
    const exists = await db.drift.findUnique({ where: { id }, select: { id: true } });
    throw exists
      ? AppError.worded("state_conflict", consoleWords("finding_already_resolved"))
      : AppError.worded("not_found", consoleWords("no_such", { thing: "finding" }));
  }
  const drift = await db.drift.findUniqueOrThrow({ where: { id } });
  if ((await db.drift.count({ where: { resolvedAt: null, severity: "critical" } })) === 0)
    await resolveCleared(["reconciliation_critical"], new Set());
  return drift;
}
