import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import type { TRouteHandler } from "@/lib/api/with-api";

export type TTestUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
};

const BASE = "http://localhost:3000";

export async function sessionCookie(u: TTestUser): Promise<string> {
  const jwt = await encode({
    token: {
      sub: u.id,
      sv: u.sessionVersion,
      sid: `ses_${randomUUID().replace(/-/g, "")}`, // a session id, as sign-in mints one
      role: u.role,
      email: u.email,
      name: u.name,
    },
    secret: process.env.NEXTAUTH_SECRET!,
  });
  return `next-auth.session-token=${jwt}`;
}

// Calls a route handler the way Next does: a NextRequest plus the params promise. No HTTP server
// is needed to test the wrapper, permissions and handlers against the real database.
export async function callRoute(
  handler: TRouteHandler,
  opts: {
    method?: string;
    path?: string;
    user?: TTestUser | null;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.user) headers.cookie = await sessionCookie(opts.user);
  // A browser sends its Origin with every signed-in write; without one it is refused.
  const method = opts.method ?? "GET";
  if (headers.cookie && method !== "GET" && method !== "HEAD") headers.origin ??= BASE;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new NextRequest(new URL(opts.path ?? "/api/test", BASE), {
    method,
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json, headers: res.headers };
}
