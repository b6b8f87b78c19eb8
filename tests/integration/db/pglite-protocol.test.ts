import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedDb, type TEmbeddedDb } from "@/scripts/lib/embedded-db";

// The embedded PostgreSQL serves many connections from one Postgres session. Parameterised
// queries from several pools at once must never see each other's Parse/Bind messages. (The mix-up
// was seen in `npm start` under pg-boss + Prisma + the request-log pool, as "bind message supplies
// 19 parameters, but prepared statement "" requires 2"; node-pg alone does not reliably provoke
// it, so this is a guard on the rule scripts/lib/pglite-protocol-queue.ts enforces.)
let emb: TEmbeddedDb;
beforeAll(async () => {
  emb = await startEmbeddedDb({ dir: "memory://" });
});
afterAll(async () => {
  await emb?.stop();
});

describe("embedded PostgreSQL (PGlite socket server)", () => {
  it("keeps every extended-protocol round of concurrent connections together", async () => {
    const pools = Array.from(
      { length: 4 },
      () => new pg.Pool({ connectionString: emb.url, max: 4 }),
    );
    try {
      const queries = Array.from({ length: 3000 }, (_, i) => {
        const pool = pools[i % pools.length];
        const n = (i % 5) + 1; // 1, 2 or 3 parameters: a mixed-up Bind would fail or mis-add
        const params = Array.from({ length: n }, (_, k) => i * 10 + k);
        const sql = `SELECT ${params.map((_, k) => `$${k + 1}::int`).join(" + ")} AS total`;
        return pool
          .query(sql, params)
          .then((r) => [Number(r.rows[0].total), params.reduce((a, b) => a + b, 0)]);
      });
      const results = await Promise.all(queries);
      for (const [got, want] of results) expect(got).toBe(want);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
