import { PrismaPg } from "@prisma/adapter-pg";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { expect } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import type { DB } from "@/generated/kysely/types";
import { pgConnectionConfig } from "@/lib/db-url";

// For the EXPLAIN tests: every SQL statement lib/ runs is captured — Prisma Client's (query
// events) and Kysely's (its query log) — and EXPLAINed with sequential scans disabled: if any
// plan still scans a table, no index can serve that lookup. (With scans merely discouraged, tiny
// test tables would make the planner prefer a scan anyway.)
type TCaptured = { query: string; params: unknown[] };
const g = globalThis as unknown as { __monoOpsDb?: unknown; __monoOpsKysely?: unknown };

export type TPlan = { sql: string; scans: string[] };

export async function installCapturingClients() {
  const captured: TCaptured[] = [];
  const conn = pgConnectionConfig(process.env.DATABASE_URL!);
  const client = new PrismaClient({
    adapter: new PrismaPg({ ...conn, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) =>
    captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }),
  );
  // Read as lib/db reads (UTC, int8 as BigInt): the code under test goes on to use what it found.
  const pool = new pg.Pool({
    ...conn,
    max: 2,
    options: "-c TimeZone=UTC -c jit=off",
    types: {
      getTypeParser(oid: number, format?: "text" | "binary") {
        if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
        return pg.types.getTypeParser(oid, format as "text");
      },
    },
  });
  const kysely = new Kysely<DB>({
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

  /** The sequential scans in a statement's plan (on a connection of its own: not captured). */
  async function seqScans(text: string, params: unknown[]): Promise<string[]> {
    const c = await pool.connect();
    let doc: unknown;
    try {
      await c.query("BEGIN");
      await c.query("SET LOCAL enable_seqscan = off");
      const r = await c.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${text}`, params);
      doc = r.rows[0]["QUERY PLAN"];
    } finally {
      await c.query("ROLLBACK");
      c.release();
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

  /** Runs `work` and returns every SELECT it ran with that statement's sequential scans. */
  async function plansOf(work: () => Promise<unknown>): Promise<TPlan[]> {
    captured.length = 0;
    await work();
    const selects = captured.filter((c) => /^\s*SELECT/i.test(c.query));
    expect(selects.length).toBeGreaterThan(0);
    const out: TPlan[] = [];
    for (const c of selects) {
      expect(c.query).not.toMatch(/\b(I?LIKE|SIMILAR TO)\b/i);
      out.push({ sql: c.query, scans: await seqScans(c.query, c.params) });
    }
    return out;
  }

  async function close() {
    g.__monoOpsDb = g.__monoOpsKysely = undefined;
    await client.$disconnect();
    await kysely.destroy(); // ends its pool
  }
  return { plansOf, seqScans, close };
}
