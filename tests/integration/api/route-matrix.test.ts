import { readFileSync, readdirSync, statSync } from "node:fs";
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
// Exports stream every matching row, and the test database holds other files' 100,000
// operations: the matrix asks them for rows that match nothing (the gate is what it checks).
const CHEAP_QUERY: Record<string, string> = {
  "app/api/operations/export/route.ts": "?createdBy=usr_00000000000000000000000000000000",
  "app/api/requests/export/route.ts": "?operationId=op_0000000000000000000000",
};

type TEntry = { file: string; method: string };
// Found from the files' text, so each route is its own test (and its own time budget).
const entries: TEntry[] = routeFiles
  .filter((file) => !NOT_WRAPPED.has(file))
  .flatMap((file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    return METHODS.filter((m) => new RegExp(`export const ${m}\\b`).test(text)).map((method) => ({
      file,
      method,
    }));
  });
const users: Record<string, TTestUser> = {};
const handlerOf = async (e: TEntry) =>
  ((await import(path.join(root, e.file))) as Record<string, TRouteHandler>)[e.method];
const paramsOf = (e: TEntry) =>
  Object.fromEntries(
    [...e.file.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], FAKE_PARAMS[m[1]] ?? "x"]),
  );

beforeAll(async () => {
  for (const role of ROLES) users[role] = (await makeUser({ role })).user;
});

describe("route × role matrix", () => {
  it("finds the routes", () => {
    expect(routeFiles.length).toBeGreaterThan(5);
  });

  it("finds every exported method on disk", async () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const file of routeFiles) {
      if (NOT_WRAPPED.has(file)) continue;
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      const exported = METHODS.filter((m) => mod[m]);
      expect(exported, file).toEqual(entries.filter((e) => e.file === file).map((e) => e.method));
    }
  });

  it("every exported handler declares a permission through withApi", async () => {
    for (const e of entries) {
      const handler = await handlerOf(e);
      expect(handler.permission, `${e.method} ${e.file} has no permission`).toBeDefined();
      expect(handler.permission === "public" || typeof handler.permission === "string").toBe(true);
    }
  });

  it.each(entries)(
    "$method $file refuses the signed-out (401) and the roles the matrix excludes (403); lets the others through",
    async (e) => {
      const handler = await handlerOf(e);
      if (handler.permission === "public") return;
      const perm = handler.permission as TPermission;
      const params = paramsOf(e);
      const path = `/api/matrix${CHEAP_QUERY[e.file] ?? ""}`;
      const failures: string[] = [];
      const anon = await callRoute(handler, { method: e.method, params, path });
      if (anon.status !== 401) failures.push(`signed-out → ${anon.status}`);
      for (const role of ROLES) {
        const r = await callRoute(handler, { method: e.method, params, path, user: users[role] });
        const allowed = can(role, perm);
        if (allowed && (r.status === 401 || r.status === 403))
          failures.push(`${role} should be allowed, got ${r.status}`);
        if (!allowed && r.status !== 403) failures.push(`${role} should be 403, got ${r.status}`);
        if (!allowed) expect(r.json.code).toBe("forbidden");
      }
      expect(failures).toEqual([]);
    },
  );

  it("refuses every state-changing handler cross-site (foreign Origin or Sec-Fetch-Site) before anything runs, for every role", async () => {
    const failures: string[] = [];
    for (const e of entries) {
      if (e.method === "GET") continue;
      const handler = await handlerOf(e);
      const params = paramsOf(e);
      for (const role of [null, ...ROLES]) {
        for (const headers of [
          { origin: "https://evil.example" },
          { "sec-fetch-site": "cross-site" },
          { origin: "null" },
        ] as Record<string, string>[]) {
          const r = await callRoute(handler, {
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
