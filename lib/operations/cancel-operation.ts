import "server-only";
import { db, sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { can } from "../auth/permissions";
import { transition } from "./transition";

// Cancels an operation that has not been sent: a draft, one waiting for approval, or an approved
// one held back by the kill switch. Its maker or an approver may cancel.
export async function cancelOperation(
  id: string,
  reason: string,
  user: TCurrentUser,
  ctx: TAuditContext,
) {
  const op = await db.operation.findUnique({
    where: { id },
    select: { createdById: true, state: true },
  });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  if (op.createdById !== user.id && !can(user.role, "payouts.approve"))
    throw AppError.worded("forbidden", consoleWords("cancel_not_allowed"));
  const moved = await transition(sqlDb, {
    id,
    from: ["draft", "pending_approval", "approved"],
    to: "cancelled",
    set: { finishedAt: new Date() },
    action: "operation.cancelled",
    details: { reason, from: op.state },
    ctx,
  });
  if (!moved)
    throw AppError.worded(
      "state_conflict",
      consoleWords("cannot_cancel_in_state", {
        state: (await db.operation.findUniqueOrThrow({ where: { id } })).state,
      }),
    );
  return db.operation.findUniqueOrThrow({ where: { id } });
}
