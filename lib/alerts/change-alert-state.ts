import "server-only";
import type { Updateable } from "kysely";
import type { Alert as TAlertTable } from "@/generated/kysely/types";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";

// Acknowledge (open → acknowledged: someone is on it) and resolve (open | acknowledged →
// resolved) by a person. Each guards its precondition in the WHERE clause and is audited in the
// same transaction; repeating an acknowledge is a 409, not a silent second write.

type TActor = { id: string; email: string };

async function transition(
  id: string,
  from: string[],
  set: Updateable<TAlertTable>,
  action: string,
  actor: TActor,
  ctx: TAuditContext,
  details: Record<string, unknown> = {},
) {
  return sqlDb.transaction().execute(async (trx) => {
    const alert = await trx
      .updateTable("Alert")
      .set(set)
      .where("id", "=", id)
      .where("state", "in", from)
      .returningAll()
      .executeTakeFirst();
    if (!alert) {
      const exists = await trx
        .selectFrom("Alert")
        .select("state")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!exists) throw AppError.worded("not_found", consoleWords("no_such", { thing: "alert" }));
      throw AppError.worded(
        "state_conflict",
        consoleWords("alert_already", { state: exists.state }),
      );
    }
    // Last in the transaction: the audit chain's lock is held until commit.
    await recordAudit(
      { action, target: { type: "alert", id }, details: { by: actor.email, ...details }, ctx },
      trx,
    );
    return alert;
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
