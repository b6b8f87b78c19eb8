import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "../db";
import type { TRole } from "./permissions";

export type TCurrentUser = { id: string; email: string; name: string; role: TRole };

// A session is only as good as the user row behind it: a disabled user, a role change or a
// password reset bumps sessionVersion and every older token stops working on its next request.
export async function userFromToken(token: JWT | null): Promise<TCurrentUser | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  // Raw SQL: this runs on every request, and Prisma 6's client engine compiles each query on the
  // main thread (see docs/BENCHMARKS.md, "payouts").
  const [user] = await db.$queryRaw<(TCurrentUser & { active: boolean; sessionVersion: number })[]>`
    SELECT id, email, name, role::text AS role, active, "sessionVersion" FROM "User" WHERE id = ${token.sub}`;
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
