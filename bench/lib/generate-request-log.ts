// A reusable RequestLog generator for benchmarks (charts, search): realistic rows — endpoints,
// status classes, retries, latencies, every searchable id — streamed as CSV into
// `COPY "RequestLog" … FROM STDIN` through psql (the repo has no COPY client for node-pg).
// Deterministic for a given seed; ids carry the run tag, so several runs can share a database.
import { spawn } from "node:child_process";

export type TGenerateOptions = {
  databaseUrl: string;
  rows: number;
  days?: number;
  end?: Date;
  seed?: number;
  tag?: string;
  /** Drop RequestLog's secondary indexes during the load and rebuild them after (default true): one sort per index instead of millions of random inserts. */
  rebuildIndexes?: boolean;
  onProgress?: (done: number) => void;
};
export type TGenerated = { rows: number; from: Date; to: Date; tag: string; ms: number };

const COLUMNS = [
  "requestId",
  "monoLogId",
  "operationId",
  "idempotencyKey",
  "traceId",
  "method",
  "path",
  "endpoint",
  "status",
  "statusClass",
  "errorCode",
  "attempt",
  "callId",
  "durationMs",
  "delayBeforeMs",
  "delayReason",
  "apiKeyLabel",
  "at",
];

// Weighted like a payouts console: reads dominate, writes are few.
const ENDPOINTS: [string, number][] = [
  ["GET /v1/accounts/{id}/balances", 25],
  ["GET /v1/ledger/accounts/{id}/balances", 20],
  ["GET /v1/core/payouts/{id}", 15],
  ["POST /v1/core/payouts", 10],
  ["GET /v1/transfers", 10],
  ["POST /v1/transfers", 5],
  ["GET /v1/accounts", 5],
  ["GET /v1/ledger/accounts/{id}/transactions", 5],
  ["GET /v1/banks", 3],
  ["POST /v1/transfers/prepare", 2],
];
const OUTCOMES: [string, number | null, string | null, number][] = [
  ["2xx", 200, null, 930],
  ["4xx", 422, "validation_error", 20],
  ["409", 409, "idempotency_key_reused", 5],
  ["429", 429, "rate_limited", 15],
  ["5xx", 503, "service_is_unavailable", 20],
  ["network", null, "timeout", 10],
];
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** mulberry32: fast, seedable, good enough for synthetic data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(r: number, items: readonly T[], weight: (t: T) => number): T {
  let x = r * items.reduce((s, it) => s + weight(it), 0);
  for (const it of items) {
    x -= weight(it);
    if (x <= 0) return it;
  }
  return items[items.length - 1];
}

function b62(rand: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += B62[Math.floor(rand() * 62)];
  return s;
}

function uuid4(rand: () => number): string {
  const h = () => Math.floor(rand() * 16).toString(16);
  const hex = (n: number) => Array.from({ length: n }, h).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(rand() * 4)]}${hex(3)}-${hex(12)}`;
}

/** One CSV line per attempt (empty unquoted field = NULL). Exported for tests and other benches. */
export function* requestLogCsv(o: {
  rows: number;
  from: Date;
  to: Date;
  seed: number;
  tag: string;
}): Generator<string> {
  const rand = rng(o.seed);
  const span = o.to.getTime() - o.from.getTime();
  for (let n = 0; n < o.rows; n++) {
    const [endpoint] = weighted(rand(), ENDPOINTS, (e) => e[1]);
    const [cls, status, code] = weighted(rand(), OUTCOMES, (e) => e[3]);
    const method = endpoint.slice(0, endpoint.indexOf(" "));
    const id = `${endpoint.includes("ledger") ? "lacc" : endpoint.includes("payouts") ? "cpout" : "acc"}_${b62(rand, 22)}`;
    const path = endpoint.slice(method.length + 1).replace("{id}", id);
    const write = method === "POST";
    const retryable = cls === "429" || cls === "5xx" || cls === "network";
    const attempt = retryable && rand() < 0.5 ? 2 + Math.floor(rand() * 3) : 1;
    const duration =
      cls === "network" ? 30_000 : Math.round(40 + -Math.log(1 - rand()) * (write ? 250 : 90));
    const at = new Date(o.from.getTime() + rand() * span).toISOString();
    yield [
      `req_${o.tag}${n.toString(36).padStart(9, "0")}`,
      status === null ? "" : `log_${b62(rand, 22)}`,
      write || rand() < 0.2 ? `op_${b62(rand, 22)}` : "",
      write ? uuid4(rand) : "",
      b62(rand, 32).toLowerCase(),
      method,
      path,
      endpoint,
      status ?? "",
      cls,
      code ?? "",
      attempt,
      `call_${b62(rand, 22)}`,
      duration,
      attempt > 1 ? 1000 * 2 ** (attempt - 2) : 0,
      attempt > 1 ? (cls === "429" ? "retry_after" : "backoff") : "",
      rand() < 0.15 ? "batch" : "interactive",
      at,
    ].join(",");
  }
}

async function psqlRun(databaseUrl: string, sql: string): Promise<string> {
  const p = spawn("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  p.stdout.on("data", (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number>((resolve) => p.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`psql exited with ${code}`);
  return out;
}

/** Streams `rows` synthetic attempts over the last `days` into RequestLog with COPY (via psql). */
export async function generateRequestLog(o: TGenerateOptions): Promise<TGenerated> {
  const started = Date.now();
  const rebuild = o.rebuildIndexes ?? true;
  const indexes = rebuild
    ? (
        await psqlRun(
          o.databaseUrl,
          `SELECT indexname || '|' || indexdef FROM pg_indexes WHERE tablename = 'RequestLog' AND indexname <> 'RequestLog_pkey'`,
        )
      )
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split("|"))
    : [];
  for (const [name] of indexes) await psqlRun(o.databaseUrl, `DROP INDEX "${name}"`);
  const to = o.end ?? new Date();
  const from = new Date(to.getTime() - (o.days ?? 7) * 86_400_000);
  // One partition per day, as the console's partition job keeps them: rows go to their day, not to
  // the DEFAULT partition.
  for (
    let d = Math.floor(from.getTime() / 86_400_000);
    d <= Math.floor(to.getTime() / 86_400_000);
    d++
  ) {
    const lo = new Date(d * 86_400_000).toISOString();
    const hi = new Date((d + 1) * 86_400_000).toISOString();
    await psqlRun(
      o.databaseUrl,
      `CREATE TABLE IF NOT EXISTS "RequestLog_p${lo.slice(0, 10).replace(/-/g, "")}" PARTITION OF "RequestLog" FOR VALUES FROM ('${lo}') TO ('${hi}')`,
    );
  }
  const tag = o.tag ?? Math.random().toString(36).slice(2, 7);
  const psql = spawn(
    "psql",
    [
      o.databaseUrl,
      "-v",
      "ON_ERROR_STOP=1",
      "-q",
      "-c",
      `COPY "RequestLog" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN WITH (FORMAT csv)`,
    ],
    { stdio: ["pipe", "inherit", "inherit"] },
  );
  const exited = new Promise<number>((resolve) => psql.on("exit", (c) => resolve(c ?? 1)));
  let chunk: string[] = [];
  let done = 0;
  for (const line of requestLogCsv({ rows: o.rows, from, to, seed: o.seed ?? 42, tag })) {
    chunk.push(line);
    if (chunk.length === 5_000) {
      done += chunk.length;
      if (!psql.stdin.write(chunk.join("\n") + "\n"))
        await new Promise((r) => psql.stdin.once("drain", r));
      chunk = [];
      if (done % 500_000 === 0) o.onProgress?.(done);
    }
  }
  if (chunk.length) psql.stdin.write(chunk.join("\n") + "\n");
  psql.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`psql COPY exited with ${code}`);
  // A partitioned table's index reads "ON ONLY" in pg_indexes (the parent alone); rebuilt without
  // ONLY it is built on every day partition too.
  for (const [, def] of indexes) await psqlRun(o.databaseUrl, def.replace(" ON ONLY ", " ON "));
  return { rows: o.rows, from, to, tag, ms: Date.now() - started };
}
