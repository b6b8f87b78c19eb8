import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { pgConnectionConfig } from "@/lib/db-url";
import { LEDGER_ACCOUNT } from "@/tests/support/operations";

// Every SQL statement a search runs is captured (Prisma query events) and EXPLAINed with
// sequential scans disabled: if any plan still scans a table, no index can serve that lookup.
// (With scans merely discouraged, tiny test tables would make the planner prefer a scan anyway.)
type TCaptured = { query: string; params: unknown[] };
const captured: TCaptured[] = [];
const g = globalThis as unknown as { __monoOpsDb?: unknown };
let client: PrismaClient<"query">;
let searchById: typeof import("@/lib/search/search-by-id").searchById;
let f: Awaited<ReturnType<typeof import("./fixtures").everyIdKind>>;

beforeAll(async () => {
  client = new PrismaClient({
    adapter: new PrismaPg({ ...pgConnectionConfig(process.env.DATABASE_URL!), max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) =>
    captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
  );
  g.__monoOpsDb = client; // lib/db reuses the process-wide client: this one, with query events
  const { db } = await import("@/lib/db");
  // lib/db's client is created on first use from the process-wide slot: this one.
  await db.$queryRaw`SELECT 1`;
  expect(captured.some((c) => /SELECT 1/.test(c.query))).toBe(true);
  ({ searchById } = await import("@/lib/search/search-by-id"));
  f = await (await import("./fixtures")).everyIdKind();
});
afterAll(async () => {
  g.__monoOpsDb = undefined;
  await client.$disconnect();
});

async function plansOf(q: string): Promise<{ sql: string; scans: string[] }[]> {
  captured.length = 0;
  await searchById(q, { mono: false });
  const selects = captured.filter((c) => /^\s*SELECT/i.test(c.query));
  expect(selects.length).toBeGreaterThan(0);
  const out: { sql: string; scans: string[] }[] = [];
  for (const c of selects) {
    expect(c.query).not.toMatch(/\b(I?LIKE|SIMILAR TO)\b/i);
    out.push({ sql: c.query, scans: await seqScans(c.query, c.params) });
  }
  return out;
}

async function seqScans(sql: string, params: unknown[]): Promise<string[]> {
  const plan = await client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    return tx.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (FORMAT JSON) ${sql}`,
      ...params,
    );
  });
  captured.length = 0;
  const scans: string[] = [];
  const walk = (n: { "Node Type"?: string; "Relation Name"?: string; Plans?: unknown[] }) => {
    if (n["Node Type"] === "Seq Scan") scans.push(n["Relation Name"] ?? "?");
    for (const p of n.Plans ?? []) walk(p as typeof n);
  };
  const doc = plan[0]["QUERY PLAN"];
  walk((typeof doc === "string" ? JSON.parse(doc) : doc)[0].Plan);
  return scans;
}

describe("every search lookup is an indexed equality", () => {
  it("the check itself catches a lookup no index serves", async () => {
    expect(await seqScans(`SELECT id FROM "Operation" WHERE reason = $1`, ["x"])).toEqual([
      "Operation",
    ]);
    expect(await seqScans(`SELECT id FROM "RequestLog" WHERE path LIKE $1`, ["%cpout_%"])).toEqual([
      "RequestLog",
    ]);
  });

  const cases: [string, () => string][] = [
    ["request id", () => f.attempts[0].requestId],
    ["log_ id", () => f.attempts[0].monoLogId!],
    ["idempotency key", () => f.payout.idempotencyKey],
    ["console write key", () => f.inboundKey],
    ["op_ id", () => f.payout.id],
    ["cpout_ id", () => f.payout.monoId!],
    ["bat_ id", () => f.batch.monoId!],
    ["trn_ id", () => f.items[0].monoTransferId!],
    ["external id", () => f.payout.externalId],
    ["reference", () => f.payout.ticketRef!],
    ["lacc_ id", () => LEDGER_ACCOUNT],
    ["unknown cpout_ (webhook fallback)", () => "cpout_0000000000000000000000"],
  ];
  for (const [name, id] of cases) {
    it(name, async () => {
      for (const p of await plansOf(id())) expect(p.scans, p.sql).toEqual([]);
    });
  }
});
