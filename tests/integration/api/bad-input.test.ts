import { describe, expect, it, beforeAll } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import * as usersRoute from "@/app/api/users/route";
import * as userRoute from "@/app/api/users/[id]/route";
import * as auditRoute from "@/app/api/audit/route";

let admin: TTestUser;
beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).user;
});

function expectProblem(json: Record<string, unknown>, status: number, code: string) {
  expect(json.status).toBe(status);
  expect(json.code).toBe(code);
  expect(typeof json.detail).toBe("string");
  expect(json.request_id).toMatch(/^req_/);
}

describe("bad input gets a clear 4xx in the one error shape and changes nothing", () => {
  it("malformed JSON, wrong types, unknown fields, wrong content type, oversized and empty bodies", async () => {
    const users = await db.user.count();
    const audits = await db.auditEvent.count();
    const post = (o: Parameters<typeof callRoute>[1]) =>
      callRoute(usersRoute.POST, { method: "POST", user: admin, ...o });

    let r = await post({ rawBody: "{not json", headers: { "content-type": "application/json" } });
    expect(r.status).toBe(400);
    expectProblem(r.json, 400, "bad_request");

    r = await post({ body: { email: 42, name: ["x"], role: "overlord" } });
    expectProblem(r.json, 400, "validation_failed");
    expect((r.json.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      "/email",
      "/name",
      "/role",
    ]);

    // Each field error has a stable code and params beside its English (lib/api/field-issue.ts),
    // and the detail its code and params (meta.detail_code, meta.detail_params).
    expect(r.json.meta).toEqual({ detail_code: "invalid_input", detail_params: { where: "body" } });
    expect(r.json.detail).toBe("The request body is invalid");
    for (const e of r.json.errors as Record<string, unknown>[]) {
      expect(typeof e.code, JSON.stringify(e)).toBe("string");
      expect(typeof e.params, JSON.stringify(e)).toBe("object");
      expect(typeof e.message).toBe("string");
    }

    r = await post({ body: { email: "a@example.test", name: "A", role: "viewer", isAdmin: true } });
    expectProblem(r.json, 400, "validation_failed");
    expect(r.json.errors).toEqual([
      {
        path: "/",
        code: "unrecognized_keys",
        params: { keys: "isAdmin", count: 1 },
        message: "Unknown field: isAdmin",
      },
    ]);

    r = await post({ body: { name: "A", role: "viewer" } });
    expectProblem(r.json, 400, "validation_failed");
    expect(r.json.errors).toEqual([
      { path: "/email", code: "required", params: {}, message: "Required" },
    ]);

    r = await post({
      rawBody: "email=a@example.test",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(r.json, 415, "unsupported_media_type");

    r = await post({
      rawBody: JSON.stringify({ name: "x".repeat(300_000) }),
      headers: { "content-type": "application/json" },
    });
    expectProblem(r.json, 413, "payload_too_large");

    r = await post({ rawBody: "", headers: { "content-type": "application/json" } });
    expectProblem(r.json, 400, "bad_request");

    r = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      user: admin,
      params: { id: "../../etc/passwd" },
      body: { role: "admin" },
    });
    expectProblem(r.json, 400, "validation_failed");

    r = await callRoute(auditRoute.GET, { user: admin, path: "/api/audit?limit=99999&bogus=1" });
    expectProblem(r.json, 400, "validation_failed");

    expect(await db.user.count()).toBe(users);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("echoes a caller's X-Request-Id and refuses to echo a hostile one", async () => {
    const ok = await callRoute(usersRoute.GET, {
      user: admin,
      headers: { "x-request-id": "req_caller-supplied-123" },
    });
    expect(ok.headers.get("x-request-id")).toBe("req_caller-supplied-123");
    const bad = await callRoute(usersRoute.GET, {
      user: admin,
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(bad.headers.get("x-request-id")).toMatch(/^req_[0-9A-Za-z]{27}$/);
  });

  it("refuses cross-site state changes before anything runs", async () => {
    const users = await db.user.count();
    const body = { email: `x-${Date.now()}@example.test`, name: "X", role: "viewer" };
    let r = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body,
      headers: { origin: "https://evil.example" },
    });
    expectProblem(r.json, 403, "cross_origin_refused");
    r = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body,
      headers: { "sec-fetch-site": "cross-site" },
    });
    expectProblem(r.json, 403, "cross_origin_refused");
    expect(await db.user.count()).toBe(users);
    r = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body,
      headers: { origin: "http://localhost:3000" },
    });
    expect(r.status).toBe(201);
  });

  it("survives arbitrary JSON bodies without a 5xx or a write (property-based)", async () => {
    const users = await db.user.count();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const r = await callRoute(usersRoute.POST, {
          method: "POST",
          user: admin,
          rawBody: JSON.stringify(value),
          headers: { "content-type": "application/json" },
        });
        return r.status >= 400 && r.status < 500 && typeof r.json.code === "string";
      }),
      { numRuns: 200 },
    );
    expect(await db.user.count()).toBe(users);
  });
});
