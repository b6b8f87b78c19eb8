import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import type { DB } from "@/generated/kysely/types";
import { pgConnectionConfig } from "@/lib/db-url";
import { LEDGER_ACCOUNT } from "@/tests/support/operations";

// Every SQL statement a search runs is captured — Prisma Client's (query events) and Kysely's
// (its query log) — and EXPLAINed with sequential scans disabled: if any plan still scans a
// table, no index can serve that lookup. (With scans merely discouraged, tiny test tables would
// make the planner prefer a scan anyway.)
type TCaptured = { query: string; params: unknown[] };
const captured: TCaptured[] = [];
const g = globalThis as unknown as { __monoOpsDb?: unknown; __monoOpsKysely?: unknown };
let client: PrismaClient<"query">;
let pool: pg.Pool;
let kysely: Kysely<DB>;
let searchById: typeof import("@/lib/search/search-by-id").searchById;
let f: Awaited<ReturnType<typeof import("./fixtures").everyIdKind>>;

beforeAll(async () => {
  const conn = pgConnectionConfig(process.env.DATABASE_URL!);
  client = new PrismaClient({
    adapter: new PrismaPg({ ...conn, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) =>
    captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
  );
  // Read as lib/db reads (UTC, int8 as BigInt): the search goes on to use what it found.
  pool = new pg.Pool({
    ...conn,
    max: 2,
    options: "-c TimeZone=UTC",
    types: {
      getTypeParser(oid: number, format?: "text" | "binary") {
        if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
        return pg.types.getTypeParser(oid, format as "text");
      },
    },
  });
  kysely = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log(e) {
      if (e.level === "query")
        captured.push({ query: e.query.sql, params: [...e.query.parameters] });
    },
  });
  // lib/db takes its clients from these process-wide slots on first use: these two, capturing.
  g.__monoOpsDb = client;
  g.__monoOpsKysely = kysely;
  const { db, sqlDb } = await import("@/lib/db");
  await db.policy.count();
  await sql`SELECT 1 AS kysely_probe`.execute(sqlDb);
  expect(captured.some((c) => /count\(.*"Policy"/is.test(c.query))).toBe(true);
  expect(captured.some((c) => /kysely_probe/.test(c.query))).toBe(true);
  ({ searchById } = await import("@/lib/search/search-by-id"));
  f = await (await import("./fixtures")).everyIdKind();
});
afterAll(async () => {
  g.__monoOpsDb = g.__monoOpsKysely = undefined;
  await client.$disconnect();
  await kysely.destroy(); // ends its pool
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

async function seqScans(text: string, params: unknown[]): Promise<string[]> {
  // On a connection of its own, outside both clients, so nothing here is captured.
  const conn = await pool.connect();
  let doc: unknown;
  try {
    await conn.query("BEGIN");
    await conn.query("SET LOCAL enable_seqscan = off");
    const r = await conn.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
    doc = r.rows[0]["QUERY PLAN"];
  } finally {
    await conn.query("ROLLBACK");
    conn.release();
  }
  type TNode = { "Node Type"?: string; "Relation Name"?: string; Plans?: TNode[] };
  const scans: string[] = [];
  const walk = (n: TNode) => {
    if (n["Node Type"] === "Seq Scan") scans.push(n["Relation Name"] ?? "?");
    for (const p of n.Plans ?? []) walk(p);
  };
  const plans = (typeof doc === "string" ? JSON.parse(doc) : doc) as { Plan: TNode }[];
  walk(plans[0].Plan);
  return scans;
}

describe("every search lookup is an indexed equality", () => {
  it("the check itself catches a lookup no index serves", async () => {
    expect(await seqScans(`SELECT id FROM "Operation" WHERE reason = $1`, ["x"])).toEqual([
      "Operation",
    ]);
    // RequestLog is partitioned by day: a scan shows as scans of its partitions.
    const scans = await seqScans(`SELECT id FROM "RequestLog" WHERE path LIKE $1`, ["%cpout_%"]);
    expect(scans.length).toBeGreaterThan(0);
    for (const t of scans) expect(t).toMatch(/^RequestLog_(default|p\d{8})$/);
  });

  it("sees the lookups' own statements (Kysely's, not only Prisma's)", async () => {
    const sqls = (await plansOf(f.attempts[0].requestId)).map((p) => p.sql);
    expect(sqls.some((q) => /from "RequestLog" where "requestId" = \$1/i.test(q))).toBe(true);
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
