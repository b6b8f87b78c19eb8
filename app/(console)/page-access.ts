import "server-only";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/require-user";
import { can, type TPermission } from "@/lib/auth/permissions";

export type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page's own address, query included: where sign-in sends the reader back to. */
export async function here(path: string, searchParams?: TSearchParams): Promise<string> {
  const sp = searchParams ? await searchParams : {};
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp))
    for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) q.append(k, one);
  return q.size ? `${path}?${q}` : path;
}

// Console pages: the signed-out go to /login with `callbackUrl` set to this page (a permalink
// opened signed out lands where it points after sign-in); the signed-in learn whether their role
// may see the page, which then renders its content or <Forbidden/>. Data still comes only from
// route handlers that check permissions themselves.
export async function consolePage(
  permission: TPermission,
  path: string,
  searchParams?: TSearchParams,
) {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(await here(path, searchParams))}`);
  return { user, allowed: can(user.role, permission) };
}
