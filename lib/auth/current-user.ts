import "server-only";
import type { JWT } from "next-auth/jwt";
import { pgSql } from "../db";
import type { TRole } from "./permissions";

export type TCurrentUser = { id: string; email: string; name: string; role: TRole };

// A session is only as good as the user row behind it: a disabled user, a role change or a
// password reset bumps sessionVersion and every older token stops working on its next request.
export async function userFromToken(token: JWT | null): Promise<TCurrentUser | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  // node-pg, not Prisma: this runs on every request (see pgPool() in lib/db.ts).
  const [user] = await pgSql.$queryRaw<
    (TCurrentUser & { active: boolean; sessionVersion: number })[]
  >`
    SELECT id, email, name, role::text AS role, active, "sessionVersion" FROM "User" WHERE id = ${token.sub}`;
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
