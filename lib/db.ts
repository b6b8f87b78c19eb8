import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { pgConnectionConfig } from "./db-url";
import { env } from "./env";
import { PreparingClient } from "./pg-client";

// One Prisma client per process, kept on globalThis so Next's dev reloads do not open new pools.
function createClient() {
  const adapter = new PrismaPg({
    ...pgConnectionConfig(env.DATABASE_URL),
    max: env.DATABASE_POOL_MAX,
  });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 5_000, timeout: 15_000 },
  });
}

type TClient = ReturnType<typeof createClient>;
const g = globalThis as unknown as { __monoOpsDb?: TClient };
const client = () => (g.__monoOpsDb ??= createClient());
// Created on first use, not at import: `next build` imports every route without a database.
export const db: TClient = new Proxy({} as TClient, {
  get(_, key) {
    const c = client();
    const v = Reflect.get(c, key, c);
    return typeof v === "function" ? v.bind(c) : v;
  },
});
export type TDb = typeof db;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

// A plain node-pg pool for the hot paths (the webhook receiver's group commit, every payout's
// statements): Prisma 6 runs every query, raw ones included, through its JS/wasm runtime on the
// main thread — measured per call: ORM findUnique ~1.6 ms of CPU, $queryRaw ~0.34 ms, node-pg
// ~0.1 ms (docs/BENCHMARKS.md "payouts"). Results are parsed the way Prisma's raw queries are:
// int8 → BigInt, timestamp (UTC wall time, as Prisma stores it) → Date, json → objects.
// allowExitOnIdle: an idle pool must not keep a script or test worker alive. PreparingClient:
// statements run more than once are prepared once per connection (lib/pg-client.ts).
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (v: string) => BigInt(v); // int8
    if (oid === 1114) return (v: string) => new Date(`${v.replace(" ", "T")}Z`); // timestamp
    return pg.types.getTypeParser(oid, format as "text");
  },
};
const gp = globalThis as unknown as { __monoOpsPg?: pg.Pool };
function pgPool(): pg.Pool {
  return (gp.__monoOpsPg ??= new pg.Pool({
    ...pgConnectionConfig(env.DATABASE_URL),
    max: env.DATABASE_POOL_MAX,
    allowExitOnIdle: true,
    types,
    Client: PreparingClient,
  }));
}

/** What both Prisma (`db`, a transaction's `tx`) and the node-pg runners below offer. */
export type TSqlRunner = {
  $queryRaw<T = unknown>(
    query: TemplateStringsArray | Prisma.Sql,
    ...values: unknown[]
  ): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
};

function runnerOn(q: (text: string, values: unknown[]) => Promise<pg.QueryResult>): TSqlRunner {
  const toSql = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) =>
    query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = toSql(query, values);
      return (await q(s.text, s.values)).rows as T;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const s = toSql(query, values);
      return (await q(s.text, s.values)).rowCount ?? 0;
    },
  };
}

/** Raw SQL on the node-pg pool, each statement in its own implicit transaction. */
export const pgSql: TSqlRunner = runnerOn((text, values) => pgPool().query(text, values));

/** A transaction on one node-pg connection: committed if `fn` resolves, rolled back if it throws. */
export async function pgTransaction<T>(fn: (tx: TSqlRunner) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const out = await fn(runnerOn((text, values) => client.query(text, values)));
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
