import "server-only";
import type { JWT } from "next-auth/jwt";
import { sqlDb } from "../db";
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
  const sid = token.sid;
  if (typeof sid !== "string" || !SID_RE.test(sid)) return null;
  // Kysely, not Prisma Client: this runs on every request, and Prisma compiles each query on the
  // main thread. One round trip, two primary-key lookups.
  const user = await sqlDb
    .selectFrom("User")
    .select(["id", "email", "name", "role", "active", "sessionVersion"])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom("RevokedSession")
            .select("RevokedSession.id")
            .where("RevokedSession.id", "=", sid),
        )
        .as("revoked"),
    )
    .where("User.id", "=", token.sub)
    .executeTakeFirst();
  if (!user || !user.active || user.revoked || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: sid };
}
