import "server-only";
import type { NextRequest } from "next/server";
import { env } from "../env";
import { AppError } from "./app-error";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function expectedOrigin(req: NextRequest): string {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? req.nextUrl.host;
  const proto = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
  return `${proto}://${host}`;
}

// Browsers always send Origin on cross-site state-changing requests; a request whose Origin is
// another site, or that the browser itself marks cross-site, is refused before anything runs.
export function assertSameOrigin(req: NextRequest): void {
  if (SAFE.has(req.method)) return;
  if (req.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError("cross_origin_refused", "Cross-site requests may not change anything");
  }
  const origin = req.headers.get("origin");
  if (origin && origin !== "null" && origin !== expectedOrigin(req)) {
    throw new AppError("cross_origin_refused", "Cross-site requests may not change anything");
  }
  if (origin === "null")
    throw new AppError("cross_origin_refused", "Opaque origins may not change anything");
}
