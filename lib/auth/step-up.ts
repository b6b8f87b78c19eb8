import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "./password";
import { LOCKOUT_MS, reserveAttempt } from "./attempts";
import type { TCurrentUser } from "./current-user";

const locked = () =>
  AppError.worded(
    "rate_limited",
    consoleWords("password_locked", { minutes: LOCKOUT_MS / 60_000 }),
  );

// Step-up re-authentication: the approver re-enters their password; large approvals are allowed
// for the policy's window (5 minutes by default) after it. Its failures are the sign-in's: they
// are counted by the same statement before the password is checked (lib/auth/attempts.ts), the
// fifth in a row locks the account, and a locked account can neither sign in nor step up.
export async function stepUp(
  user: TCurrentUser,
  password: string,
  ctx: TAuditContext,
): Promise<{ until: Date }> {
  const target = { type: "user", id: user.id };
  const slot = await reserveAttempt({ userId: user.id });
  if (!slot) {
    await recordAudit({ action: "auth.step_up_refused_locked", target, ctx });
    throw locked();
  }
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    omit: { passwordHash: false },
  });
  let right = false;
  if (row.passwordHash) right = await verifyPassword(row.passwordHash, password);
  else await burnPasswordCheck(password);
  if (!right) {
    await recordAudit({
      action: "auth.step_up_failed",
      target,
      details: { failed: slot.n },
      ctx,
    });
    if (slot.locks) {
      await recordAudit({
        action: "auth.lockout",
        target,
        details: { minutes: LOCKOUT_MS / 60_000, failed: slot.n, via: "step_up" },
        ctx,
      });
      throw locked();
    }
    throw AppError.worded("forbidden", consoleWords("password_incorrect"));
  }
  const at = new Date();
  await db.user.update({
    where: { id: user.id },
    data: { stepUpAt: at, failedLogins: 0, lockedUntil: null },
  });
  await recordAudit({ action: "auth.step_up", target, ctx });
  return { until: new Date(at.getTime() + 5 * 60_000) };
}
