import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRole } from "@/lib/auth/permissions";

// Factories shared by the demo seed and the tests.
export async function makeUser(opts: {
  role: TRole;
  email?: string;
  name?: string;
  password?: string;
  active?: boolean;
}) {
  const email = (
    opts.email ?? `${opts.role}-${randomUUID().slice(0, 8)}@example.test`
  ).toLowerCase();
  const password = opts.password ?? `pw-${randomUUID()}`;
  const user = await db.user.create({
    data: {
      email,
      name:
        opts.name ?? `${opts.role[0].toUpperCase()}${opts.role.slice(1)} ${email.split("@")[0]}`,
      role: opts.role,
      active: opts.active ?? true,
      passwordHash: await hashPassword(password),
    },
  });
  return { user, password };
}

// Demo users: one per role, created only in the sandbox environment. Their passwords are new on
// every start (or DEMO_PASSWORD when set, for scripted demos) and printed once by the launcher.
export const DEMO_USERS: { role: TRole; email: string; name: string }[] = [
  { role: "viewer", email: "viewer@demo.mono-ops.test", name: "Valentina Viewer" },
  { role: "operator", email: "operator@demo.mono-ops.test", name: "Óscar Operator" },
  { role: "approver", email: "approver@demo.mono-ops.test", name: "Ana Approver" },
  { role: "admin", email: "admin@demo.mono-ops.test", name: "Adrián Admin" },
];

export async function seedDemoUsers(fixedPassword?: string) {
  const out: { role: TRole; email: string; password: string }[] = [];
  for (const d of DEMO_USERS) {
    const password = fixedPassword ?? `${d.role}-${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const passwordHash = await hashPassword(password);
    const existing = await db.user.findUnique({ where: { email: d.email }, select: { id: true } });
    if (existing) {
      await db.user.update({
        where: { id: existing.id },
        data: { passwordHash, failedLogins: 0, lockedUntil: null, active: true, role: d.role },
      });
    } else {
      const user = await db.user.create({ data: { ...d, passwordHash } });
      await recordAudit({
        action: "user.created",
        target: { type: "user", id: user.id },
        details: { email: d.email, role: d.role, demo: true },
        ctx: { actorEmail: "system:seed" },
      });
    }
    out.push({ role: d.role, email: d.email, password });
  }
  return out;
}
