import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signInWithPassword, MAX_FAILED_LOGINS } from "@/lib/auth/sign-in";
import { makeUser } from "@/prisma/factories";

const ctx = { ip: "203.0.113.7", userAgent: "vitest" };

async function auditActions(userId: string) {
  const rows = await db.auditEvent.findMany({
    where: { targetId: userId },
    orderBy: { seq: "asc" },
  });
  return rows.map((r) => r.action);
}

describe("sign-in with email and password", () => {
  it("accepts the right password, is case-insensitive on email, and audits the login", async () => {
    const { user, password } = await makeUser({ role: "operator" });
    const r = await signInWithPassword(user.email.toUpperCase(), password, ctx);
    expect(r.ok).toBe(true);
    expect(await auditActions(user.id)).toContain("auth.login");
  });

  it("locks the account after five failures, refuses even the right password while locked, and audits it", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await signInWithPassword(user.email, "wrong-password", ctx)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await signInWithPassword(user.email, "wrong-password", ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
    expect(await signInWithPassword(user.email, password, ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(actions).toContain("auth.lockout");
    expect(actions).toContain("auth.login_refused_locked");
  });

  it("lets a locked user in again once the lock has passed", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    await db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect((await signInWithPassword(user.email, password, ctx)).ok).toBe(true);
  });

  it("refuses a disabled user and an unknown email with no hint of which", async () => {
    const { user, password } = await makeUser({ role: "viewer", active: false });
    expect(await signInWithPassword(user.email, password, ctx)).toEqual({
      ok: false,
      reason: "disabled",
    });
    expect(await signInWithPassword("nobody@example.test", "whatever-password", ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const unknown = await db.auditEvent.findFirst({
      where: { actorEmail: "nobody@example.test", action: "auth.login_failed" },
    });
    expect(unknown).not.toBeNull();
  });
});
