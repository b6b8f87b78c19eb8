import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { pgConnectionConfig } from "@/lib/db-url";
import { PreparingClient } from "@/lib/pg-client";

// lib/pg-client.ts against the test database (the embedded PostgreSQL, or TEST_DATABASE_URL).

const pools: pg.Pool[] = [];
function pool(max = 1): pg.Pool {
  const p = new pg.Pool({
    ...pgConnectionConfig(process.env.DATABASE_URL),
    max,
    Client: PreparingClient,
  });
  pools.push(p);
  return p;
}
afterAll(async () => {
  for (const p of pools) await p.end();
});

/** Our prepared statements whose text contains `marker`, as the server sees them. */
async function preparedWith(p: pg.Pool, marker: string): Promise<string[]> {
  // Literal-only text (no parameters): never prepared itself, so it does not count.
  const { rows } = await p.query(
    `SELECT name FROM pg_prepared_statements WHERE statement LIKE '%${marker}%' AND name LIKE 's%'`,
  );
  return rows.map((r: { name: string }) => r.name);
}

describe("PreparingClient", () => {
  it("prepares a parameterised statement from its second run, and answers alike every time", async () => {
    const p = pool();
    const marker = `m${Date.now()}a`;
    const text = `SELECT $1::int + 1 AS n, '${marker}' AS marker`;
    expect((await p.query(text, [1])).rows[0].n).toBe(2);
    expect(await preparedWith(p, marker)).toHaveLength(0); // first sight: not prepared
    expect((await p.query(text, [2])).rows[0].n).toBe(3);
    expect((await p.query({ text, values: [3] })).rows[0].n).toBe(4); // object form too
    const names = await preparedWith(p, marker);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^s[0-9a-f]{16}$/);
    // Callback form (what pg-pool uses underneath), through the client itself.
    const client = await p.connect();
    try {
      const n = await new Promise((resolve, reject) =>
        client.query(text, [4], (err: Error | null, res: pg.QueryResult) =>
          err ? reject(err) : resolve(res.rows[0].n),
        ),
      );
      expect(n).toBe(5);
    } finally {
      client.release();
    }
  });

  it("gives each connection its own names: concurrent connections never collide", async () => {
    const marker = `m${Date.now()}b`;
    const text = `SELECT $1::int * 2 AS n, '${marker}' AS marker`;
    const a = pool(3);
    const b = pool(3);
    const runs = Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).query(text, [i]));
    const results = await Promise.all(runs);
    results.forEach((r, i) => expect(r.rows[0].n).toBe(i * 2));
  });

  it("leaves statements without parameters and one-off texts unprepared", async () => {
    const p = pool();
    const marker = `m${Date.now()}c`;
    await p.query(`SELECT 1 AS one, '${marker}' AS marker`);
    await p.query(`SELECT 1 AS one, '${marker}' AS marker`);
    await p.query(`SELECT $1::int AS one, '${marker}x' AS marker`, [1]);
    expect(await preparedWith(p, marker)).toHaveLength(0);
  });

  it("prepares at most 100 statements per connection", async () => {
    const p = pool();
    const marker = `m${Date.now()}d`;
    for (let i = 0; i < 130; i++) {
      const text = `SELECT $1::int + ${i} AS n, '${marker}' AS marker`;
      await p.query(text, [0]);
      expect((await p.query(text, [1])).rows[0].n).toBe(i + 1);
    }
    expect(await preparedWith(p, marker)).toHaveLength(100);
  });

  it("runs a statement unnamed after its table changed shape under it", async () => {
    const p = pool();
    const table = `pgclient_${Date.now()}`;
    await p.query(`CREATE TABLE ${table} (id int PRIMARY KEY)`);
    try {
      await p.query(`INSERT INTO ${table} VALUES (1)`);
      const text = `SELECT * FROM ${table} WHERE id = $1`;
      await p.query(text, [1]);
      await p.query(text, [1]); // now prepared, with a one-column result
      await p.query(`ALTER TABLE ${table} ADD COLUMN note text DEFAULT 'x'`);
      // PostgreSQL refuses the prepared plan once; from then on the text runs unnamed.
      await expect(p.query(text, [1])).rejects.toThrow(/cached plan must not change result type/);
      const { rows } = await p.query(text, [1]);
      expect(rows).toEqual([{ id: 1, note: "x" }]);
    } finally {
      await p.query(`DROP TABLE ${table}`);
    }
  });
});
