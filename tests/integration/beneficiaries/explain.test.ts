import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import type { DB } from "@/generated/kysely/types";
import { pgConnectionConfig } from "@/lib/db-url";
import { ACCOUNT, DOCUMENT, EMAIL } from "../privacy/seed-beneficiary";

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
let run: (q: string) => Promise<unknown>;
let seeded: Awaited<ReturnType<typeof import("../privacy/seed-beneficiary").seedBeneficiary>>;

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
  const { searchEverything } = await import("@/lib/search/search-everything");
  run = (q) => searchEverything(q, { mono: false });
  const { makeUser } = await import("@/prisma/factories");
  const { seedBeneficiary } = await import("../privacy/seed-beneficiary");
  const { user } = await makeUser({ role: "operator" });
  seeded = await seedBeneficiary(user.id);
  const { newId } = await import("@/lib/ids");
  await db.ticketLink.create({
    data: {
      id: newId("tkt"),
      targetType: "beneficiary",
      targetId: seeded.beneficiaryId,
      ticketRef: "ZD-EXPLAIN-1",
      createdById: user.id,
      createdByEmail: user.email,
    },
  });
});
afterAll(async () => {
  g.__monoOpsDb = g.__monoOpsKysely = undefined;
  await client.$disconnect();
  await kysely.destroy(); // ends its pool
});

async function plansOf(work: () => Promise<unknown>): Promise<{ sql: string; scans: string[] }[]> {
  captured.length = 0;
  await work();
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

// The beneficiary lookups, the beneficiary page, the notes and the ticket search: every statement
// they run is served by an index (EXPLAIN with sequential scans disabled shows none).
describe("beneficiary, notes and ticket lookups are indexed", () => {
  const cases: [string, () => Promise<unknown>][] = [
    ["typed document", () => run(`CC ${DOCUMENT}`)],
    ["bare number (document, account, Bre-B key, ticket)", () => run(ACCOUNT)],
    ["bank + last four", () => run(`1007 ${ACCOUNT.slice(-4)}`)],
    ["e-mail", () => run(EMAIL)],
    ["Bre-B alias", () => run("@tienda.explain")],
    ["ticket reference", () => run("ZD-EXPLAIN-1")],
    [
      "beneficiary page",
      async () =>
        (await import("@/lib/beneficiaries/get-beneficiary")).getBeneficiary(seeded.beneficiaryId),
    ],
    [
      "an operation's beneficiaries",
      async () =>
        (await import("@/lib/beneficiaries/get-beneficiary")).beneficiariesOfOperation(
          seeded.batch.id,
        ),
    ],
    [
      "notes of a target",
      async () =>
        (await import("@/lib/notes/notes")).notesOf({
          targetType: "operation",
          targetId: seeded.payout.id,
        }),
    ],
  ];
  for (const [name, work] of cases)
    it(name, async () => {
      for (const p of await plansOf(work)) expect(p.scans, p.sql).toEqual([]);
    });
});
