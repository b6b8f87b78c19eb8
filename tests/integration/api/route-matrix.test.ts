import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, beforeAll } from "vitest";
import { can, ROLES, type TPermission } from "@/lib/auth/permissions";
import type { TRouteHandler } from "@/lib/api/with-api";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";

// Every route handler under app/api is found on disk; each exported method must have been made by
// withApi (and so carry a permission). The expected allow/deny for every role comes from the matrix.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
// next-auth's own endpoints: it authenticates the user, so there is nothing to authorize yet.
const NOT_WRAPPED = new Set(["app/api/auth/[...nextauth]/route.ts"]);

function findRoutes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return findRoutes(p);
    return name === "route.ts" ? [p] : [];
  });
}

const root = path.resolve(__dirname, "../../..");
const routeFiles = findRoutes(path.join(root, "app/api")).map((f) => path.relative(root, f));
const FAKE_PARAMS: Record<string, string> = { id: "usr_00000000000000000000000000000000" };

type TEntry = { file: string; method: string; handler: TRouteHandler };
const entries: TEntry[] = [];
const users: Record<string, TTestUser> = {};

beforeAll(async () => {
  for (const file of routeFiles) {
    if (NOT_WRAPPED.has(file)) continue;
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const m of METHODS)
      if (mod[m]) entries.push({ file, method: m, handler: mod[m] as TRouteHandler });
  }
  for (const role of ROLES) users[role] = (await makeUser({ role })).user;
});

describe("route × role matrix", () => {
  it("finds the routes", () => {
    expect(routeFiles.length).toBeGreaterThan(5);
  });

  it("every exported handler declares a permission through withApi", () => {
    for (const e of entries) {
      expect(e.handler.permission, `${e.method} ${e.file} has no permission`).toBeDefined();
      expect(e.handler.permission === "public" || typeof e.handler.permission === "string").toBe(
        true,
      );
    }
  });

  it("refuses the signed-out (401) and the roles the matrix excludes (403); lets the others through", async () => {
    const failures: string[] = [];
    for (const e of entries) {
      if (e.handler.permission === "public") continue;
      const perm = e.handler.permission as TPermission;
      const params = Object.fromEntries(
        [...e.file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], FAKE_PARAMS[m[1]] ?? "x"]),
      );
      const anon = await callRoute(e.handler, { method: e.method, params });
      if (anon.status !== 401) failures.push(`${e.method} ${e.file} signed-out → ${anon.status}`);
      for (const role of ROLES) {
        const r = await callRoute(e.handler, { method: e.method, params, user: users[role] });
        const allowed = can(role, perm);
        if (allowed && (r.status === 401 || r.status === 403))
          failures.push(`${e.method} ${e.file} ${role} should be allowed, got ${r.status}`);
        if (!allowed && r.status !== 403)
          failures.push(`${e.method} ${e.file} ${role} should be 403, got ${r.status}`);
        if (!allowed) expect(r.json.code).toBe("forbidden");
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses every state-changing handler cross-site (foreign Origin or Sec-Fetch-Site) before anything runs, for every role", async () => {
    const failures: string[] = [];
    for (const e of entries) {
      if (e.method === "GET") continue;
      const params = Object.fromEntries(
        [...e.file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], FAKE_PARAMS[m[1]] ?? "x"]),
      );
      for (const role of [null, ...ROLES]) {
        for (const headers of [
          { origin: "https://evil.example" },
          { "sec-fetch-site": "cross-site" },
          { origin: "null" },
        ] as Record<string, string>[]) {
          const r = await callRoute(e.handler, {
            method: e.method,
            params,
            user: role ? users[role] : null,
            body: {},
            headers,
          });
          if (r.status !== 403 || r.json.code !== "cross_origin_refused")
            failures.push(
              `${e.method} ${e.file} ${role ?? "signed-out"} ${JSON.stringify(headers)} → ${r.status} ${String(r.json.code)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
