import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import * as usersRoute from "@/app/api/users/route";
import * as signOutRoute from "@/app/api/auth/sign-out/route";
import * as webhookRoute from "@/app/api/webhooks/mono/route";
import { makeUser } from "@/prisma/factories";
import { sessionCookie } from "@/tests/support/route";

const BASE = "http://localhost:3000";

// Built by hand (not callRoute, which adds the Origin a browser would send) so the headers are
// exactly what is listed.
async function send(
  handler: (req: NextRequest, ctx: never) => Promise<Response>,
  path: string,
  headers: Record<string, string>,
  body: unknown,
) {
  const req = new NextRequest(new URL(path, BASE), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({}) } as never);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    json: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

describe("signed-in writes must show their origin", () => {
  it("a cookie-authenticated write with neither Origin nor Sec-Fetch-Site is refused (403 problem+json) and writes nothing", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const cookie = await sessionCookie(admin);
    const email = `origin-${randomUUID().slice(0, 8)}@example.test`;
    const body = { email, name: "No Origin", role: "viewer" };
    const r = await send(usersRoute.POST, "/api/users", { cookie }, body);
    expect(r.status).toBe(403);
    expect(r.type).toBe("application/problem+json");
    expect(r.json).toMatchObject({ status: 403, code: "cross_origin_refused" });
    expect(typeof r.json.request_id).toBe("string");
    expect(await db.user.findUnique({ where: { email } })).toBeNull();

    // Sign out everywhere without an Origin is refused too: the session version stays.
    const out = await send(
      signOutRoute.POST,
      "/api/auth/sign-out",
      { cookie },
      { everywhere: true },
    );
    expect([out.status, out.json.code]).toEqual([403, "cross_origin_refused"]);
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row.sessionVersion).toBe(admin.sessionVersion);

    // Sec-Fetch-Site: same-site (a sibling subdomain) is not enough either.
    const sibling = await send(
      usersRoute.POST,
      "/api/users",
      { cookie, "sec-fetch-site": "same-site" },
      body,
    );
    expect(sibling.status).toBe(403);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("the same write with the console's Origin, or with Sec-Fetch-Site: same-origin, goes through", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const cookie = await sessionCookie(admin);
    const variants: Record<string, string>[] = [
      { origin: BASE },
      { "sec-fetch-site": "same-origin" },
    ];
    for (const headers of variants) {
      const email = `origin-${randomUUID().slice(0, 8)}@example.test`;
      const r = await send(
        usersRoute.POST,
        "/api/users",
        { cookie, ...headers },
        { email, name: "With Origin", role: "viewer" },
      );
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(await db.user.findUnique({ where: { email } })).not.toBeNull();
    }
  });

  it("requests without a session cookie are not affected (the signed webhook receiver, the signed-out)", async () => {
    // No signature: the receiver answers for itself (401), not the origin rule (403).
    const hook = await send(webhookRoute.POST, "/api/webhooks/mono", {}, { event: "x" });
    expect(hook.status).toBe(401);
    const anon = await send(
      usersRoute.POST,
      "/api/users",
      {},
      { email: "a@example.test", name: "A", role: "viewer" },
    );
    expect([anon.status, anon.json.code]).toEqual([401, "unauthenticated"]);
  });
});
