import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { signInWithPassword, MAX_FAILED_LOGINS } from "@/lib/auth/sign-in";
import * as stepUpRoute from "@/app/api/auth/step-up/route";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";

const ctx = { ip: "203.0.113.9", userAgent: "vitest" };
// What evaluating a password leaves in the audit log: exactly one of these per evaluation.
const EVALUATED = [
  "auth.login_failed",
  "auth.lockout",
  "auth.login",
  "auth.login_refused_disabled",
  "auth.step_up_failed",
  "auth.step_up",
];

async function actionsFor(where: { targetId: string } | { actorEmail: string }) {
  const rows = await db.auditEvent.findMany({ where, orderBy: { seq: "asc" } });
  return rows.map((r) => r.action);
}

const count = (xs: string[], ...which: string[]) => xs.filter((x) => which.includes(x)).length;

describe("sign-in lockout", () => {
  it("20 concurrent wrong passwords for one account: at most five are evaluated, the rest are refused as locked", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(user.email, `wrong-${i}`, ctx)),
    );
    const actions = await actionsFor({ targetId: user.id });
    // login_failed and lockout are the evaluations (the lockout is the fifth failure itself).
    expect(count(actions, ...EVALUATED)).toBe(MAX_FAILED_LOGINS);
    expect(count(actions, "auth.lockout")).toBe(1);
    expect(count(actions, "auth.login_refused_locked")).toBe(20 - MAX_FAILED_LOGINS);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(
      MAX_FAILED_LOGINS - 1,
    );
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(
      20 - MAX_FAILED_LOGINS + 1,
    );
    // Locked: even the right password is refused, without being evaluated.
    expect(await signInWithPassword(user.email, password, ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
    expect(count(await actionsFor({ targetId: user.id }), ...EVALUATED)).toBe(MAX_FAILED_LOGINS);
  });

  it("20 concurrent wrong passwords for an unknown email: the same limit, counted by email", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInWithPassword(email, `wrong-${i}`, ctx)),
    );
    const actions = await actionsFor({ actorEmail: email });
    expect(count(actions, ...EVALUATED)).toBe(MAX_FAILED_LOGINS);
    expect(count(actions, "auth.login_refused_locked")).toBe(20 - MAX_FAILED_LOGINS);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(
      20 - MAX_FAILED_LOGINS + 1,
    );
  });

  it("an unknown email answers exactly like a known one, locks included (case and spaces do not matter)", async () => {
    const { user, password } = await makeUser({ role: "operator" });
    const unknown = `ghost-${randomUUID().slice(0, 8)}@example.test`;
    const known: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS + 2; i++) {
      const k = await signInWithPassword(user.email, `nope-${i}`, ctx);
      const g = await signInWithPassword(
        i % 2 ? ` ${unknown.toUpperCase()} ` : unknown,
        `nope-${i}`,
        ctx,
      );
      known.push(k.ok ? "ok" : k.reason);
      ghost.push(g.ok ? "ok" : g.reason);
    }
    expect(known).toEqual([
      ...Array<string>(MAX_FAILED_LOGINS - 1).fill("invalid"),
      "locked",
      "locked",
      "locked",
    ]);
    expect(ghost).toEqual(known);
    // And the right password of the existing account while it is locked: the same "locked".
    expect(await signInWithPassword(user.email, password, ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("a right password ends the series; a lock that has passed starts a new one (known and unknown)", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++)
      await signInWithPassword(user.email, "wrong-password", ctx);
    expect((await signInWithPassword(user.email, password, ctx)).ok).toBe(true);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([row.failedLogins, row.lockedUntil]).toEqual([0, null]);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++)
      expect(await signInWithPassword(user.email, "wrong-password", ctx)).toEqual({
        ok: false,
        reason: "invalid",
      });

    const email = `expired-${randomUUID().slice(0, 8)}@example.test`;
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signInWithPassword(email, "x-password", ctx);
    expect((await signInWithPassword(email, "x-password", ctx)).ok).toBe(false);
    expect(await db.loginThrottle.findUnique({ where: { email } })).toMatchObject({
      failedLogins: MAX_FAILED_LOGINS,
    });
    await db.loginThrottle.update({
      where: { email },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await signInWithPassword(email, "x-password", ctx)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await db.loginThrottle.findUnique({ where: { email } })).toMatchObject({
      failedLogins: 1,
      lockedUntil: null,
    });
  });
});

describe("step-up lockout", () => {
  const stepUp = (user: Awaited<ReturnType<typeof makeUser>>["user"], password: string) =>
    callRoute(stepUpRoute.POST, { method: "POST", user, body: { password } });

  it("wrong step-up passwords count towards the sign-in lock; a locked user can neither step up nor sign in", async () => {
    const { user, password } = await makeUser({ role: "approver" });
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      const r = await stepUp(user, `wrong-${i}`);
      expect([r.status, r.json.code]).toEqual([403, "forbidden"]);
    }
    const fifth = await stepUp(user, "wrong-again");
    expect([fifth.status, fifth.json.code]).toEqual([429, "rate_limited"]);
    expect(fifth.headers.get("content-type")).toBe("application/problem+json");
    // The right password changes nothing while the lock holds: not evaluated, not accepted.
    const right = await stepUp(user, password);
    expect([right.status, right.json.code]).toEqual([429, "rate_limited"]);
    expect(await signInWithPassword(user.email, password, ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.stepUpAt).toBeNull();
    const actions = await actionsFor({ targetId: user.id });
    expect(count(actions, "auth.step_up_failed")).toBe(MAX_FAILED_LOGINS);
    expect(count(actions, "auth.lockout")).toBe(1);
    expect(count(actions, "auth.step_up_refused_locked")).toBe(1);
    expect(count(actions, "auth.step_up")).toBe(0);
  });

  it("sign-in and step-up failures make one series; a right step-up ends it", async () => {
    const { user, password } = await makeUser({ role: "approver" });
    await signInWithPassword(user.email, "wrong-1", ctx);
    await signInWithPassword(user.email, "wrong-2", ctx);
    expect((await stepUp(user, "wrong-3")).status).toBe(403);
    expect((await stepUp(user, password)).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
    await signInWithPassword(user.email, "wrong-4", ctx);
    await signInWithPassword(user.email, "wrong-5", ctx);
    await signInWithPassword(user.email, "wrong-6", ctx);
    expect((await stepUp(user, "wrong-7")).status).toBe(403);
    // The fifth in a row, by whichever door, locks.
    expect(await signInWithPassword(user.email, "wrong-8", ctx)).toEqual({
      ok: false,
      reason: "locked",
    });
    expect((await stepUp(user, password)).status).toBe(429);
  });

  it("20 concurrent wrong step-ups: at most five passwords are evaluated", async () => {
    const { user } = await makeUser({ role: "approver" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stepUp(user, `wrong-${i}`)),
    );
    const actions = await actionsFor({ targetId: user.id });
    expect(count(actions, "auth.step_up_failed")).toBe(MAX_FAILED_LOGINS);
    expect(count(actions, "auth.step_up_refused_locked")).toBe(20 - MAX_FAILED_LOGINS);
    expect(results.filter((r) => r.status === 403)).toHaveLength(MAX_FAILED_LOGINS - 1);
    expect(results.filter((r) => r.status === 429)).toHaveLength(20 - MAX_FAILED_LOGINS + 1);
  });
});
