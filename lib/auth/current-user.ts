import "server-only";
import type { JWT } from "next-auth/jwt";
import { db } from "../db";
import type { TRole } from "./permissions";

export type TCurrentUser = { id: string; email: string; name: string; role: TRole };

// A session is only as good as the user row behind it: a disabled user, a role change or a
// password reset bumps sessionVersion and every older token stops working on its next request.
export async function userFromToken(token: JWT | null): Promise<TCurrentUser | null> {
  if (!token?.sub || typeof token.sv !== "number") return null;
  const user = await db.user.findUnique({
    where: { id: token.sub },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== token.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
