import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { recordAudit, type TAuditContext } from "../audit/record-audit";

// Acknowledge (open → acknowledged: someone is on it) and resolve (open | acknowledged →
// resolved) by a person. Each guards its precondition in the WHERE clause and is audited in the
// same transaction; repeating an acknowledge is a 409, not a silent second write.

type TActor = { id: string; email: string };

async function transition(
  id: string,
  from: string[],
  data: Record<string, unknown>,
  action: string,
  actor: TActor,
  ctx: TAuditContext,
  details: Record<string, unknown> = {},
) {
  return db.$transaction(async (tx) => {
    const r = await tx.alert.updateMany({ where: { id, state: { in: from } }, data });
    if (r.count === 0) {
      const exists = await tx.alert.findUnique({ where: { id }, select: { state: true } });
      if (!exists) throw new AppError("not_found", "No such alert");
      throw new AppError("state_conflict", `The alert is already ${exists.state}`);
    }
    await recordAudit(
      { action, target: { type: "alert", id }, details: { by: actor.email, ...details }, ctx },
      tx,
    );
    return tx.alert.findUniqueOrThrow({ where: { id } });
  });
}

export function acknowledgeAlert(id: string, actor: TActor, ctx: TAuditContext) {
  return transition(
    id,
    ["open"],
    { state: "acknowledged", acknowledgedAt: new Date(), acknowledgedBy: actor.email },
    "alert.acknowledged",
    actor,
    ctx,
  );
}

export function resolveAlert(id: string, actor: TActor, ctx: TAuditContext, note?: string) {
  return transition(
    id,
    ["open", "acknowledged"],
    { state: "resolved", resolvedAt: new Date() },
    "alert.resolved",
    actor,
    ctx,
    note ? { note } : {},
  );
}
