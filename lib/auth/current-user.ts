import "server-only";
import type { JWT } from "next-auth/jwt";
import { pgSql } from "../db-legacy";
import type { TRole } from "./permissions";
import { SID_RE } from "./sessions";

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  // The session this request came with (the token's `sid`); set for every request-bound user.
  sessionId?: string;
};

// A session is only as good as the user row behind it: a disabled user, a role change or a
// password reset bumps sessionVersion and every older token stops working on its next request.
// A session that was signed out (its sid in RevokedSession) stops at once too. Tokens without a
// sid (minted before sessions had one) cannot be signed out, so they are refused.
export async function userFromToken(token: JWT | null): Promise<TCurrentUser | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  if (typeof token.sid !== "string" || !SID_RE.test(token.sid)) return null;
  // node-pg, not Prisma: this runs on every request (see pgPool() in lib/db.ts). One round trip,
  // two primary-key lookups.
  const [user] = await pgSql.$queryRaw<
    (TCurrentUser & { active: boolean; sessionVersion: number; revoked: boolean })[]
  >`
    SELECT id, email, name, role::text AS role, active, "sessionVersion",
      EXISTS (SELECT 1 FROM "RevokedSession" WHERE id = ${token.sid}) AS revoked
    FROM "User" WHERE id = ${token.sub}`;
  if (!user || !user.active || user.revoked || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: token.sid };
}
