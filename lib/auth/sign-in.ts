import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { burnPasswordCheck, verifyPassword } from "./password";
import type { TRole } from "./permissions";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type TSignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: TRole; sessionVersion: number };
    }
  | { ok: false; reason: "invalid" | "locked" | "disabled" };

// Email + password check with throttling: five failures in a row lock the account for 15 minutes.
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
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(password);
    await recordAudit({
      action: "auth.login_failed",
      details: { reason: "unknown_email" },
      ctx: audit,
    });
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordAudit({
      action: "auth.login_refused_locked",
      target: { type: "user", id: user.id },
      ctx: audit,
    });
    return { ok: false, reason: "locked" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    // Increment atomically: concurrent failures must all count.
    const updated = await db.user.update({
      where: { id: user.id },
      data: { failedLogins: { increment: 1 } },
    });
    if (updated.failedLogins >= MAX_FAILED_LOGINS) {
      await db.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(Date.now() + LOCKOUT_MS), failedLogins: 0 },
      });
      await recordAudit({
        action: "auth.lockout",
        target: { type: "user", id: user.id },
        details: { minutes: LOCKOUT_MS / 60_000 },
        ctx: audit,
      });
      return { ok: false, reason: "locked" };
    }
    await recordAudit({
      action: "auth.login_failed",
      target: { type: "user", id: user.id },
      details: { reason: "bad_password", failed: updated.failedLogins },
      ctx: audit,
    });
    return { ok: false, reason: "invalid" };
  }
  if (!user.active) {
    await recordAudit({
      action: "auth.login_refused_disabled",
      target: { type: "user", id: user.id },
      ctx: audit,
    });
    return { ok: false, reason: "disabled" };
  }
  await db.user.update({
    where: { id: user.id },
    data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() },
  });
  await recordAudit({
    action: "auth.login",
    target: { type: "user", id: user.id },
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
