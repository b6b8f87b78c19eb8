import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
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
  const drift = await db.$transaction(async (tx) => {
    const r = await tx.drift.updateMany({
      where: { id, resolvedAt: null },
      data: { resolvedAt: new Date(), resolvedById: actor.id, resolution: reason },
    });
    if (r.count === 0) {
      const exists = await tx.drift.findUnique({ where: { id }, select: { id: true } });
      throw exists
        ? new AppError("state_conflict", "The finding is already resolved")
        : new AppError("not_found", "No such finding");
    }
    const d = await tx.drift.findUniqueOrThrow({ where: { id } });
    await recordAudit(
      {
        action: "reconciliation.finding_resolved",
        target: { type: "drift", id },
        details: {
          kind: d.kind,
          severity: d.severity,
          operationId: d.operationId,
          monoObjectId: d.monoObjectId,
          reason,
          by: actor.email,
        },
        ctx,
      },
      tx,
    );
    return d;
  });
  if ((await db.drift.count({ where: { resolvedAt: null, severity: "critical" } })) === 0)
    await resolveCleared(["reconciliation_critical"], new Set());
  return drift;
}
