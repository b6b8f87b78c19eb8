import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { verifyPassword } from "./password";
import type { TCurrentUser } from "./current-user";

// Step-up re-authentication: the approver re-enters their password; large approvals are allowed
// for the policy's window (5 minutes by default) after it. Failures count towards the lockout.
export async function stepUp(
  user: TCurrentUser,
  password: string,
  ctx: TAuditContext,
): Promise<{ until: Date }> {
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    omit: { passwordHash: false },
  });
  if (!row.passwordHash || !(await verifyPassword(row.passwordHash, password))) {
    await db.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
    await recordAudit({
      action: "auth.step_up_failed",
      target: { type: "user", id: user.id },
      ctx,
    });
    throw new AppError("forbidden", "The password is not correct");
  }
  const at = new Date();
  await db.user.update({ where: { id: user.id }, data: { stepUpAt: at, failedLogins: 0 } });
  await recordAudit({ action: "auth.step_up", target: { type: "user", id: user.id }, ctx });
  return { until: new Date(at.getTime() + 5 * 60_000) };
}
