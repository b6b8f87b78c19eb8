import { z } from "zod";
import { ROLES } from "../../auth/permissions";
import { present, ZIso } from "./wire";

// The console user resource (Users page, admins only). Never the password hash, the session
// version, the failed-login count or the step-up time: only what the page shows.
export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  lockedUntil: ZIso.nullable(),
  lastLoginAt: ZIso.nullable(),
  createdAt: ZIso,
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.object({ users: z.array(ZUser) });
export function presentUserList(users: unknown[]) {
  return present(ZUserList, { users });
}

export const ZUserChange = z.object({ user: ZUser });
export function presentUserChange(user: unknown) {
  return present(ZUserChange, { user });
}

// A new user, or a reset: the temporary password is answered once and never stored in clear.
export const ZNewUser = z.object({ user: ZUser, temporaryPassword: z.string() });
export function presentNewUser(u: { user: unknown; temporaryPassword: string }) {
  return present(ZNewUser, u);
}
export const ZPasswordReset = z.object({ temporaryPassword: z.string() });
export function presentPasswordReset(r: { temporaryPassword: string }) {
  return present(ZPasswordReset, r);
}
