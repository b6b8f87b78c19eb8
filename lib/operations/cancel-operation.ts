import "server-only";
import { db, sqlDb } from "../db";
import { AppError } from "../api/app-error";
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
  if (!op) throw new AppError("not_found", "No such operation");
  if (op.createdById !== user.id && !can(user.role, "payouts.approve"))
    throw new AppError("forbidden", "Only its maker or an approver may cancel an operation");
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
    throw new AppError(
      "state_conflict",
      `The operation is ${(await db.operation.findUniqueOrThrow({ where: { id } })).state} and can no longer be cancelled`,
    );
  return db.operation.findUniqueOrThrow({ where: { id } });
}
