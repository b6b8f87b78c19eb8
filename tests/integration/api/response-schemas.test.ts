import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { RESPONSE_SCHEMAS, type TRouteAnswer } from "@/lib/api/resources";
import type { TRouteHandler } from "@/lib/api/with-api";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { seedBeneficiary } from "../privacy/seed-beneficiary";

// Every route handler on disk answers through the response schema lib/api/resources/index.ts
// names for it. Each exported handler needs a line there (a schema, or what it answers instead of
// JSON); every GET is called as admin with real ids and must answer exactly what its schema
// produces: the JSON parses, and parsing drops nothing (a field the schema does not name means the
// answer did not go through its present…() function). A sample of harmless writes is checked the
// same way.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function findRoutes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return findRoutes(p);
    return name === "route.ts" ? [p] : [];
  });
}

const root = path.resolve(__dirname, "../../..");
const routeFiles = findRoutes(path.join(root, "app/api")).map((f) => path.relative(root, f));
// "app/api/alerts/[id]/acknowledge/route.ts" + POST → "POST /api/alerts/[id]/acknowledge"
const routeKey = (file: string, method: string) =>
  `${method} /${path.dirname(file).replace(/^app\//, "")}`;

type TEntry = { key: string; file: string; method: string; handler: TRouteHandler };
const entries: TEntry[] = [];
let admin: TTestUser;
let seeded: Awaited<ReturnType<typeof seedBeneficiary>>;

beforeAll(async () => {
  for (const file of routeFiles) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const method of METHODS)
      if (mod[method])
        entries.push({
          key: routeKey(file, method),
          file,
          method,
          handler: mod[method] as TRouteHandler,
        });
  }
  admin = (await makeUser({ role: "admin" })).user;
  seeded = await seedBeneficiary(admin.id);
  // Rows for the lists that would otherwise answer empty: an alert, a finished run with a summary.
  await db.alert.create({
    data: {
      id: newId("alr"),
      rule: "balance_warning",
      foldKey: `balance_warning:schema-${randomUUID()}`,
      severity: "critical",
      title: "Response schema walk",
      details: { accountId: "acc_schemawalk", available: 10 },
      state: "open",
    },
  });
  await db.reconciliationRun.create({
    data: {
      id: newId("rec"),
      trigger: "schedule",
      windowStart: new Date(Date.now() - 3_600_000),
      windowEnd: new Date(),
      state: "done",
      finishedAt: new Date(),
      summary: {
        findings: 0,
        created: 0,
        stillOpen: 0,
        newCritical: 0,
        byKind: {},
        checked: { payouts: 0, transfers: 0, ledgerAccounts: 0, bankAccounts: 0 },
        busyAccounts: [],
      },
    },
  });
});

// Routes whose domain function calls the presenter itself (the answer is built there).
const PRESENTED_IN_LIB: Record<string, string> = {
  "app/api/operations/[id]/reveal/route.ts": "revealBeneficiary → presentBeneficiaryReveal",
  "app/api/webhooks/events/[id]/reveal/route.ts": "revealWebhookEvent → presentWebhookReveal",
};

const isSchema = (a: TRouteAnswer | undefined): a is z.ZodType => !!a && !("notJson" in a);

/** The answer must parse, and parsing must give it back unchanged. */
function mismatch(schema: z.ZodType, json: unknown): string | null {
  const r = schema.safeParse(json);
  if (!r.success)
    return r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
  return isDeepStrictEqual(r.data, json)
    ? null
    : "the answer holds fields its schema does not name";
}

// The path parameters and query strings each GET is called with: the seeded objects.
function paramsOf(file: string): Record<string, string>[] {
  if (file.includes("operations/[id]")) return [{ id: seeded.payout.id }, { id: seeded.batch.id }];
  if (file.includes("webhooks/events/[id]")) return [{ id: seeded.webhook.id.toString() }];
  if (file.includes("requests/[requestId]")) return [{ requestId: seeded.requestId }];
  if (file.includes("idempotency/[key]")) return [{ key: seeded.payout.idempotencyKey }];
  if (file.includes("beneficiaries/[key]")) return [{ key: seeded.beneficiaryId }];
  return [{}];
}
function queriesOf(key: string): string[] {
  switch (key) {
    case "GET /api/search":
      return [
        `?q=${seeded.payout.id}`,
        `?q=${seeded.requestId}`,
        `?q=${seeded.payout.idempotencyKey}`,
        "?q=lacc_4PagosProveedores9aBcD",
        "?q=not-an-id",
      ];
    case "GET /api/operations/preview":
      return ["?amount=150000000&rail=co_ach", "?amount=100000&rail=ach&rows=3"];
    case "GET /api/alerts":
      return ["", "?state=all"];
    case "GET /api/views":
      return ["?list=payouts"];
    case "GET /api/notes":
      return [
        `?targetType=operation&targetId=${seeded.payout.id}`,
        `?targetType=beneficiary&targetId=${seeded.beneficiaryId}`,
      ];
    case "GET /api/reconciliation/findings":
      return ["", "?status=all"];
    case "GET /api/charts/requests":
    case "GET /api/charts/balances":
      return ["", "?range=7d"];
    default:
      return [""];
  }
}

describe("every route answers through its response schema", () => {
  it("finds the routes", () => {
    expect(entries.length).toBeGreaterThan(40);
  });

  it("every exported handler has a line in RESPONSE_SCHEMAS, and every line a handler", () => {
    const keys = new Set(entries.map((e) => e.key));
    expect(entries.filter((e) => !RESPONSE_SCHEMAS[e.key]).map((e) => e.key)).toEqual([]);
    expect(Object.keys(RESPONSE_SCHEMAS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("every route module that answers JSON calls a present…() function", () => {
    const files = new Set(
      entries.filter((e) => isSchema(RESPONSE_SCHEMAS[e.key])).map((e) => e.file),
    );
    const missing = [...files].filter(
      (f) =>
        !PRESENTED_IN_LIB[f] &&
        !/\bpresent[A-Z]\w*\(/.test(readFileSync(path.join(root, f), "utf8")),
    );
    expect(missing).toEqual([]);
  });

  it("every GET answered as admin is exactly what its schema produces", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const e of entries) {
      if (e.method !== "GET") continue;
      const schema = RESPONSE_SCHEMAS[e.key];
      if (!isSchema(schema)) continue;
      for (const params of paramsOf(e.file)) {
        for (const q of queriesOf(e.key)) {
          const r = await callRoute(e.handler, {
            params,
            path: `/api/schema-walk${q}`,
            user: admin,
          });
          const where = `${e.key}${q} ${JSON.stringify(params)}`;
          if (r.status !== 200) {
            failures.push(`${where} → ${r.status} ${String(r.json.code ?? "")}`);
            continue;
          }
          const why = mismatch(schema, r.json);
          if (why) failures.push(`${where}: ${why}`);
          checked++;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(35);
  });

  it("a sample of harmless writes answers exactly what its schema produces", async () => {
    const { user: other } = await makeUser({ role: "viewer" });
    const writes: { key: string; params?: Record<string, string>; body: unknown }[] = [
      { key: "POST /api/auth/sign-out", body: { everywhere: false } },
      {
        key: "POST /api/users",
        body: {
          email: `schema-${randomUUID().slice(0, 8)}@example.test`,
          name: "S",
          role: "viewer",
        },
      },
      { key: "PATCH /api/users/[id]", params: { id: other.id }, body: { name: "Renamed" } },
      { key: "POST /api/users/[id]/reset-password", params: { id: other.id }, body: undefined },
      {
        key: "POST /api/operations/[id]/reveal",
        params: { id: seeded.batch.id },
        body: { reason: "Response schema walk" },
      },
      {
        key: "POST /api/webhooks/events/[id]/reveal",
        params: { id: seeded.webhook.id.toString() },
        body: { reason: "Response schema walk" },
      },
      {
        key: "POST /api/beneficiaries/[key]/reveal",
        params: { key: seeded.beneficiaryId },
        body: { reason: "Response schema walk" },
      },
    ];
    const failures: string[] = [];
    for (const w of writes) {
      const e = entries.find((x) => x.key === w.key);
      const schema = RESPONSE_SCHEMAS[w.key];
      if (!e || !isSchema(schema)) {
        failures.push(`${w.key}: no handler or no schema`);
        continue;
      }
      const r = await callRoute(e.handler, {
        method: e.method,
        params: w.params,
        body: w.body,
        user: admin,
      });
      if (r.status >= 300) failures.push(`${w.key} → ${r.status} ${String(r.json.code ?? "")}`);
      else {
        const why = mismatch(schema, r.json);
        if (why) failures.push(`${w.key}: ${why}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
