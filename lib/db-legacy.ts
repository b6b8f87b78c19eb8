import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type pg from "pg";
import { dbPool } from "./db";

// TRANSITIONAL — being removed in this change (docs/ARCHITECTURE.md "Which way to the database"):
// Prisma-style tagged raw SQL on the shared pool, for modules not yet moved to Kysely. No new
// code may import it.
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

export const pgSql: TSqlRunner = runnerOn((text, values) => dbPool().query(text, values));

export async function pgTransaction<T>(fn: (tx: TSqlRunner) => Promise<T>): Promise<T> {
  const client = await dbPool().connect();
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
