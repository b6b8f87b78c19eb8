import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "./password";
import {
  clearAttempts,
  forgetOldThrottles,
  LOCKOUT_MS,
  MAX_FAILED_LOGINS,
  reserveAttempt,
  type TAttemptKey,
} from "./attempts";
import type { TRole } from "./permissions";

export { LOCKOUT_MS, MAX_FAILED_LOGINS };

export type TSignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: TRole; sessionVersion: number };
    }
  | { ok: false; reason: "invalid" | "locked" | "disabled" };

// Email + password check with throttling: five failures in a row lock the account for 15 minutes.
// The attempt is counted before the password is evaluated, in one statement (reserveAttempt), so
// concurrent guesses cannot get past the limit. An email that belongs to no user is counted and
// locked by the same rule in LoginThrottle and costs the same argon2 verification, so the answers
// ("invalid" ×4, then "locked") and their timing do not tell whether the email exists.
// Every outcome is audited. The caller shows one generic message for "invalid".
export async function signInWithPassword(
  email: string,
  password: string,
  ctx: TAuditContext,
): Promise<TSignInResult> {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({
    where: { email: normalized },
    omit: { passwordHash: false },
  });
  const audit = { ...ctx, actorEmail: normalized, actorId: user?.id ?? null };
  const target = user ? { type: "user", id: user.id } : undefined;
  const key: TAttemptKey = user ? { userId: user.id } : { email: normalized };

  const slot = await reserveAttempt(key);
  if (!slot) {
    await recordAudit({ action: "auth.login_refused_locked", target, ctx: audit });
    return { ok: false, reason: "locked" };
  }

  let right = false;
  if (user?.passwordHash) right = await verifyPassword(user.passwordHash, password);
  else await burnPasswordCheck(password);

  if (!right || !user) {
    const reason = !user ? "unknown_email" : user.passwordHash ? "bad_password" : "no_password";
    if (slot.locks) {
      await recordAudit({
        action: "auth.lockout",
        target,
        details: { minutes: LOCKOUT_MS / 60_000, reason, failed: slot.n, via: "sign_in" },
        ctx: audit,
      });
      return { ok: false, reason: "locked" };
    }
    await recordAudit({
      action: "auth.login_failed",
      target,
      details: { reason, failed: slot.n },
      ctx: audit,
    });
    return { ok: false, reason: "invalid" };
  }

  if (!user.active) {
    // The password was right: the series of failures ends, but a disabled user stays out.
    await clearAttempts(key);
    await recordAudit({ action: "auth.login_refused_disabled", target, ctx: audit });
    return { ok: false, reason: "disabled" };
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() },
  });
  await forgetOldThrottles();
  await recordAudit({
    action: "auth.login",
    target,
    details: { method: "password" },
    ctx: audit,
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}
