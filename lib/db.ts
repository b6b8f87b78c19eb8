import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Kysely, PostgresDialect, sql, type RawBuilder, type Transaction } from "kysely";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import type { DB } from "@/generated/kysely/types";
import { pgConnectionConfig } from "./db-url";
import { env } from "./env";
import { logger } from "./logger";

// The one database module (docs/ARCHITECTURE.md "Which way to the database"): ONE node-pg pool
// per process, handed both to Prisma's driver adapter (Prisma Client for plain CRUD) and to Kysely
// (every hand-written statement, typed from prisma/schema.prisma by prisma-kysely). Both are
// created on first use, not at import: `next build` imports every route without a database.
//
// Every connection runs in UTC (timestamps are timestamptz; date_trunc and friends then bucket
// in UTC) with JIT compilation off: the console's statements are short, and a join over the day
// partitions of the request log (the charts' not-yet-folded rows) is costed high enough to trigger
// JIT, which then spends ~600 ms compiling a query that runs in 3 ms (docs/BENCHMARKS.md, growth).
// int8 reads as BigInt for Kysely (money is integer minor units; Prisma maps int8
// itself). allowExitOnIdle: an idle pool must not keep a script or a test worker alive.
function createPool(): pg.Pool {
  const p = new pg.Pool({
    ...pgConnectionConfig(env.DATABASE_URL),
    max: env.DATABASE_POOL_MAX,
    allowExitOnIdle: true,
    options: "-c TimeZone=UTC -c jit=off",
    types: {
      getTypeParser(oid: number, format?: "text" | "binary") {
        if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
        return pg.types.getTypeParser(oid, format as "text");
      },
    },
  });
  // An idle connection that the server ends (a restart, a failover, an administrator) is
  // dropped from the pool; without a listener node-pg's 'error' event would end the process.
  p.on("error", (err) => logger.warn({ err }, "database connection lost while idle"));
  return p;
}

function createPrisma(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 15_000 },
  });
}

type TPrisma = ReturnType<typeof createPrisma>;
// On globalThis so Next's dev reloads (and tests that swap the client) share one of each.
const g = globalThis as unknown as {
  __monoOpsPool?: pg.Pool;
  __monoOpsDb?: TPrisma;
  __monoOpsKysely?: Kysely<DB>;
};
const pool = () => (g.__monoOpsPool ??= createPool());
const prisma = () => (g.__monoOpsDb ??= createPrisma(pool()));
const kysely = () =>
  (g.__monoOpsKysely ??= new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool() }) }));

function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      const v = Reflect.get(target, key, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** Prisma Client: plain CRUD. */
export const db: TPrisma = lazy(prisma);
export type TDb = typeof db;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

/** Kysely: every hand-written statement, on the same pool. */
export const sqlDb: Kysely<DB> = lazy(kysely);
/** Kysely or one of its transactions: what a statement that may join a transaction takes. */
export type TSqlDb = Kysely<DB> | Transaction<DB>;

/**
 * A JSON value for a jsonb column or parameter. node-pg would send a JS array as a PostgreSQL
 * array, so JSON is always serialised here, once, and typed on the server.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`${JSON.stringify(value)}::jsonb`;
}

/** The process's pool, for the few callers that need a raw connection (LISTEN, COPY). */
export const dbPool = (): pg.Pool => pool();

/** Closes the pool (scripts and tests that end their process cleanly). */
export async function closeDb(): Promise<void> {
  await g.__monoOpsDb?.$disconnect();
  if (g.__monoOpsKysely)
    await g.__monoOpsKysely.destroy(); // ends the pool too
  else await g.__monoOpsPool?.end();
  g.__monoOpsDb = g.__monoOpsKysely = g.__monoOpsPool = undefined;
}
