import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { env } from "../env";
import { decodeSession } from "./decode-session";
import { can, type TPermission } from "./permissions";
import { userFromToken, type TCurrentUser } from "./current-user";

// For server components: the signed-in user, checked against the database on every render.
export async function currentUser(): Promise<TCurrentUser | null> {
  const jar = await cookies();
  // next-auth reads `req.cookies` (anything with getAll) and `req.headers`.
  const token = await getToken({
    req: { cookies: jar, headers: {} } as never,
    secret: env.NEXTAUTH_SECRET,
    decode: decodeSession,
  });
  return userFromToken(token);
}

export type TPageAccess = { user: TCurrentUser; allowed: boolean };

// Pages redirect the signed-out to /login, and tell the signed-in whether their role may see
// the page; the page then renders its content or <Forbidden/>. Data still comes only from
// route handlers that check permissions themselves: this is presentation, not authorization.
export async function requirePage(permission: TPermission): Promise<TPageAccess> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return { user, allowed: can(user.role, permission) };
}
