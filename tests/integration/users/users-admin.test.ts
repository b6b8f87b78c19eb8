import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as resetRoute from "@/app/api/users/[id]/reset-password/route";
import { signInWithPassword } from "@/lib/auth/sign-in";

describe("users administration", () => {
  it("creates a user with a temporary password that works, and audits it", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const email = `new-${Date.now()}@example.test`;
    const res = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body: { email, name: "New Person", role: "operator" },
    });
    expect(res.status).toBe(201);
    const pw = res.json.temporaryPassword as string;
    expect(pw).toHaveLength(16);
    expect(JSON.stringify(res.json)).not.toContain("passwordHash");
    expect((await signInWithPassword(email, pw, {})).ok).toBe(true);
    const audit = await db.auditEvent.findFirst({
      where: { action: "user.created", actorId: admin.id },
    });
    expect(audit?.details).toMatchObject({ email, role: "operator" });
  });

  it("refuses a duplicate email with 409 and writes nothing", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const { user: existing } = await makeUser({ role: "viewer" });
    const before = await db.user.count();
    const res = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body: { email: existing.email, name: "Dup", role: "viewer" },
    });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe("conflict");
    expect(await db.user.count()).toBe(before);
  });

  it("ends a user's sessions at once when their role changes or they are disabled", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const { user: target } = await makeUser({ role: "approver" });
    expect(
      (await callRoute(usersRoute.GET, { user: { ...target, role: "approver" } })).status,
    ).toBe(403); // approver: no users.manage
    const promote = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      user: admin,
      params: { id: target.id },
      body: { role: "admin" },
    });
    expect(promote.status).toBe(200);
    // The old token (old session version) no longer works, even though the new role would allow it.
    expect((await callRoute(usersRoute.GET, { user: target })).status).toBe(401);
    const fresh = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect((await callRoute(usersRoute.GET, { user: fresh })).status).toBe(200);
    await callRoute(userRoute.PATCH, {
      method: "PATCH",
      user: admin,
      params: { id: target.id },
      body: { active: false },
    });
    expect((await callRoute(usersRoute.GET, { user: fresh })).status).toBe(401);
    const actions = (await db.auditEvent.findMany({ where: { targetId: target.id } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["user.role_changed", "user.disabled"]));
  });

  it("never demotes or disables the last active admin", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    // Make this admin the only active one for the duration of the check.
    const others = await db.user.findMany({
      where: { role: "admin", active: true, id: { not: admin.id } },
      select: { id: true },
    });
    await db.user.updateMany({
      where: { id: { in: others.map((o) => o.id) } },
      data: { active: false },
    });
    try {
      const res = await callRoute(userRoute.PATCH, {
        method: "PATCH",
        user: admin,
        params: { id: admin.id },
        body: { role: "viewer" },
      });
      expect(res.status).toBe(409);
      expect(res.json.code).toBe("state_conflict");
      expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    } finally {
      await db.user.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { active: true },
      });
    }
  });

  it("resets a password: unlocks, ends sessions, and the new password works", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const { user: target } = await makeUser({ role: "viewer" });
    await db.user.update({
      where: { id: target.id },
      data: { lockedUntil: new Date(Date.now() + 600_000) },
    });
    const res = await callRoute(resetRoute.POST, {
      method: "POST",
      user: admin,
      params: { id: target.id },
    });
    expect(res.status).toBe(200);
    expect(
      (await signInWithPassword(target.email, res.json.temporaryPassword as string, {})).ok,
    ).toBe(true);
    expect((await callRoute(usersRoute.GET, { user: target })).status).toBe(401);
  });
});
