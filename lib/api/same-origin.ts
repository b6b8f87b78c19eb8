import "server-only";
import type { NextRequest } from "next/server";
import { env } from "../env";
import { AppError } from "./app-error";
import { apiWords } from "./detail-words";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
// next-auth's session cookie, plain or __Secure- (https), whole or in chunks (.0, .1, …).
const SESSION_COOKIE_RE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

function expectedOrigin(req: NextRequest): string {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return `${proto}://${host}`;
}

function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => SESSION_COOKIE_RE.test(c.name));
}

// Browsers send Origin on every cross-site state-changing request, and on same-origin fetch()
// writes too. A state-changing request is refused before anything runs when its Origin is another
// site (or opaque), when the browser itself marks it cross-site, or when it carries a session
// cookie but proves neither a matching Origin nor `Sec-Fetch-Site: same-origin` (a signed-in
// write must show where it comes from). Requests without a session cookie (the signed Mono
// webhook) need neither header.
export function assertSameOrigin(req: NextRequest): void {
  if (SAFE.has(req.method)) return;
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") {
    throw AppError.worded("cross_origin_refused", apiWords("cross_site_refused"));
  }
  const origin = req.headers.get("origin");
  if (origin === "null")
    throw AppError.worded("cross_origin_refused", apiWords("opaque_origin_refused"));
  if (origin) {
    if (origin !== expectedOrigin(req))
      throw AppError.worded("cross_origin_refused", apiWords("cross_site_refused"));
    return;
  }
  if (fetchSite !== "same-origin" && hasSessionCookie(req))
    throw AppError.worded("cross_origin_refused", apiWords("origin_unproven"));
}
