import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import pg from "pg";
import { startEmbeddedDb, type TEmbeddedDb } from "@/scripts/lib/embedded-db";

// The embedded PostgreSQL serves many connections from one Postgres session. Parameterised
// queries from several pools at once must never see each other's Parse/Bind messages. (The mix-up
// was seen in `npm start` under pg-boss + Prisma + the request-log pool, as "bind message supplies
// 19 parameters, but prepared statement "" requires 2", and as a webhook answered 500 because its
// INSERT … RETURNING got another query's rows.) The first test is a load guard that node-pg alone
// rarely trips; the second provokes the interleaving step by step and fails unless
// scripts/pglite-server.ts installs scripts/lib/pglite-protocol-queue.ts.
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

  it("holds other connections back until a connection's round ends with Sync", async () => {
    // Deterministic form of the mix-up: A parses the unnamed statement and stops before Bind (as a
    // pipelining client, or one whose event loop is busy, may); B runs a whole query meanwhile.
    // Interleaved, B's Parse replaces A's unnamed statement and A's Bind fails or runs B's SQL.
    const { port } = new URL(emb.url);
    const a = await RawConnection.open(Number(port));
    const b = new pg.Client({ connectionString: emb.url });
    await b.connect();
    try {
      a.send(message("P", cstr(""), cstr("SELECT 1 AS from_a"), int16(0)), message("H"));
      expect((await a.next()).type).toBe("1"); // ParseComplete

      let bDone = false;
      const bResult = b.query("SELECT $1::int AS from_b", [2]).then((r) => {
        bDone = true;
        return r.rows;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false); // B waits: A's round is still open

      a.send(
        message("B", cstr(""), cstr(""), int16(0), int16(0), int16(0)),
        message("D", Buffer.from("P"), cstr("")),
        message("E", cstr(""), int32(0)),
        message("S"),
      );
      // BindComplete, RowDescription, DataRow, CommandComplete, ReadyForQuery (PGlite also sends
      // ParameterStatus "S" messages at times: not part of the answer).
      const replies = (await a.until("Z")).filter((m) => m.type !== "S");
      expect(replies.map((m) => m.type).join("")).toBe("2TDCZ");
      expect(replies[1].body.includes(Buffer.from("from_a\0"))).toBe(true);
      expect(await bResult).toEqual([{ from_b: 2 }]);
    } finally {
      a.close();
      await b.end();
    }
  });
});

// The frontend side of PostgreSQL's wire protocol, just enough to send a round message by message.
const cstr = (s: string) => Buffer.from(`${s}\0`);
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}
type TMsg = { type: string; body: Buffer };

class RawConnection {
  private buf = Buffer.alloc(0);
  private waiters: (() => void)[] = [];
  private closed = false;
  private constructor(private socket: net.Socket) {
    socket.on("data", (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on("close", () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Retries while the server still counts connections that just closed (its limit is 16). */
  static async open(port: number): Promise<RawConnection> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await RawConnection.openOnce(port);
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  private static async openOnce(port: number): Promise<RawConnection> {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) =>
      socket.once("connect", resolve).once("error", reject),
    );
    const c = new RawConnection(socket);
    const params = Buffer.concat([
      cstr("user"),
      cstr("postgres"),
      cstr("database"),
      cstr("postgres"),
      cstr(""),
    ]);
    socket.write(Buffer.concat([int32(params.length + 8), int32(196608), params]));
    for (;;) {
      const m = await c.next();
      if (m.type === "R" && m.body.readInt32BE(0) === 3)
        socket.write(message("p", cstr("postgres")));
      if (m.type === "E") throw new Error(`startup failed: ${m.body.toString()}`);
      if (m.type === "Z") return c;
    }
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  async next(): Promise<TMsg> {
    while (this.buf.length < 5 || this.buf.length < 1 + this.buf.readInt32BE(1)) {
      if (this.closed) throw new Error(`connection closed: ${this.buf.toString()}`);
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error("no reply within 5 s")), 5_000);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    const len = this.buf.readInt32BE(1);
    const m = { type: String.fromCharCode(this.buf[0]), body: this.buf.subarray(5, 1 + len) };
    this.buf = this.buf.subarray(1 + len);
    return m;
  }

  async until(type: string): Promise<TMsg[]> {
    const out: TMsg[] = [];
    for (;;) {
      const m = await this.next();
      out.push(m);
      if (m.type === type) return out;
    }
  }

  close(): void {
    this.socket.end(message("X"));
  }
}
