import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/generated/kysely/types";
import { db } from "@/lib/db";
import { pgConnectionConfig } from "@/lib/db-url";
import { pgRequestLogSink } from "@/lib/mono/request-log-pg";
import { requestLogRow } from "@/tests/support/request-log-row";

// The request log's group commit (lib/mono/request-log-pg.ts) against the test database: rows
// written in one turn of the event loop leave in one statement, every write resolves only once
// its row is committed, and a batch cap splits a turn's rows over parallel flushes.

// The sink on its own Kysely and pool (as a benchmark would inject them), counting the rows each
// statement carried when it was sent.
const statements: number[] = []; // rows per INSERT, in order
const pool = new pg.Pool({ ...pgConnectionConfig(process.env.DATABASE_URL), max: 4 });
const counting = Object.assign(Object.create(pool) as pg.Pool, {
  async connect() {
    const client = await pool.connect();
    return Object.assign(Object.create(client) as pg.PoolClient, {
      query: (text: string, values: unknown[]) => {
        statements.push((JSON.parse(values[0] as string) as unknown[]).length);
        return client.query(text, values);
      },
    });
  },
});
const counted = new Kysely<DB>({ dialect: new PostgresDialect({ pool: counting }) });
// Connections open before the tests: flushes then send in the order they started (a flush waiting
// for a new connection could otherwise be overtaken by a later one on an idle connection).
beforeAll(async () => {
  const clients = await Promise.all([1, 2, 3, 4].map(() => pool.connect()));
  for (const c of clients) c.release();
});
afterAll(async () => {
  await counted.destroy(); // ends the pool
});

const row = (run: string, i: number) =>
  requestLogRow({
    requestId: `req_${run}_${i}`,
    callId: `call_${run}`,
    responseBody: { i },
    at: new Date(),
  });

describe("request-log group commit", () => {
  it("sends one turn's rows in one statement, and each write waits for its own commit", async () => {
    const sink = pgRequestLogSink({ db: counted });
    const run = randomUUID().slice(0, 8);
    statements.length = 0;
    const writes = Array.from({ length: 20 }, (_, i) =>
      sink.write(row(run, i)).then(() => db.requestLog.count({ where: { callId: `call_${run}` } })),
    );
    const seenAtResolve = await Promise.all(writes);
    expect(statements).toEqual([20]);
    for (const n of seenAtResolve) expect(n).toBe(20); // committed before any write resolved
    await sink.write(row(run, 20)); // a later turn: its own statement
    expect(statements).toEqual([20, 1]);
  });

  it("splits a turn's rows by the batch cap over parallel flushes", async () => {
    const sink = pgRequestLogSink({ db: counted, maxBatch: 7, maxConcurrentFlushes: 2 });
    const run = randomUUID().slice(0, 8);
    statements.length = 0;
    await Promise.all(Array.from({ length: 20 }, (_, i) => sink.write(row(run, i))));
    expect(statements).toEqual([7, 7, 6]);
    expect(await db.requestLog.count({ where: { callId: `call_${run}` } })).toBe(20);
  });
});
