import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import pg from "pg";
import { randomUUID } from "node:crypto";
import { pgRequestLogSink } from "@/lib/mono/request-log-pg";
import type { TRequestLogRow, TStatusClass } from "@/lib/mono/request-log";
import { emptyHist, slotOf } from "@/lib/metrics/histogram";
import { rebuildRollups } from "@/lib/metrics/rebuild-rollups";
import { foldPendingRollups } from "@/lib/metrics/fold-rollups";
import { getEndpointStats, getRequestSeries } from "@/lib/metrics/request-series";

// Rollup correctness against raw counts (property-based): whatever attempts are logged, in
// whatever concurrent batches, and however the fold job interleaves with them, MetricRollup and
// MetricRollupHour hold exactly what GROUP BY over RequestLog says once folded — counts, errors,
// retries, duration sums and latency histograms — and the charts count every row before that.

const sink = pgRequestLogSink({ maxBatch: 7 }); // on the process pool (lib/db.ts)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(async () => {
  await sink.close();
  await pool.end();
});

const CLASSES: [TStatusClass, number | null][] = [
  ["2xx", 200],
  ["4xx", 422],
  ["409", 409],
  ["429", 429],
  ["5xx", 503],
  ["network", null],
];
const BASE = Date.UTC(2021, 0, 4, 10, 0, 0);

const ZAttempt = fc.record({
  ep: fc.integer({ min: 0, max: 2 }),
  cls: fc.integer({ min: 0, max: CLASSES.length - 1 }),
  offsetSec: fc.integer({ min: 0, max: 3 * 3600 }), // spans hours, so hourly rows fold several minutes
  durationMs: fc.oneof(
    fc.integer({ min: 0, max: 120 }),
    fc.constantFrom(25, 26, 1_000, 30_000, 30_001),
    fc.integer({ min: 0, max: 70_000 }),
  ),
  attempt: fc.integer({ min: 1, max: 3 }),
  shapeError: fc.boolean(),
});

type TAttempt = {
  ep: number;
  cls: number;
  offsetSec: number;
  durationMs: number;
  attempt: number;
  shapeError: boolean;
};

function row(run: string, a: TAttempt): TRequestLogRow {
  const [statusClass, status] = CLASSES[a.cls];
  return {
    requestId: `req_${randomUUID()}`,
    monoLogId: null,
    operationId: null,
    idempotencyKey: null,
    traceId: "0".repeat(32),
    method: "GET",
    path: "/x",
    endpoint: `GET /itest/${run}/${a.ep}`,
    status,
    statusClass,
    errorCode: statusClass === "2xx" ? (a.shapeError ? "response_shape" : null) : "boom",
    attempt: a.attempt,
    callId: "call_x",
    durationMs: a.durationMs,
    delayBeforeMs: 0,
    delayReason: null,
    apiKeyLabel: "interactive",
    requestBody: null,
    responseBody: null,
    requestHeaders: null,
    responseHeaders: null,
    at: new Date(BASE + a.offsetSec * 1000),
  };
}

type TAgg = {
  count: number;
  errorCount: number;
  retries: number;
  durationSum: number;
  latencyHist: number[];
};
const keyOf = (b: Date, e: string, c: string) => `${b.toISOString()}|${e}|${c}`;

async function readRollups(table: string, run: string): Promise<Map<string, TAgg>> {
  const r = await pool.query(
    `SELECT "bucket", "endpoint", "statusClass", "count", "errorCount", "retries", "durationSum"::float8 AS "durationSum", "latencyHist" FROM "${table}" WHERE "endpoint" LIKE $1`,
    [`GET /itest/${run}/%`],
  );
  return new Map(
    r.rows.map((x) => [
      keyOf(
        new Date(x.bucket.getTime() - x.bucket.getTimezoneOffset() * 60_000),
        x.endpoint,
        x.statusClass,
      ),
      {
        count: x.count,
        errorCount: x.errorCount,
        retries: x.retries,
        durationSum: x.durationSum,
        latencyHist: x.latencyHist,
      },
    ]),
  );
}

function expected(rows: TRequestLogRow[], unitMs: number): Map<string, TAgg> {
  const out = new Map<string, TAgg>();
  for (const r of rows) {
    const k = keyOf(
      new Date(Math.floor(r.at.getTime() / unitMs) * unitMs),
      r.endpoint,
      r.statusClass,
    );
    const a = out.get(k) ?? {
      count: 0,
      errorCount: 0,
      retries: 0,
      durationSum: 0,
      latencyHist: emptyHist(),
    };
    a.count++;
    if (r.statusClass !== "2xx" || r.errorCode !== null) a.errorCount++;
    if (r.attempt > 1) a.retries++;
    a.durationSum += r.durationMs;
    a.latencyHist[slotOf(r.durationMs)]++;
    out.set(k, a);
  }
  return out;
}

describe("MetricRollup folded from the request log", () => {
  it("equals GROUP BY over the raw rows, per minute and per hour, with folds racing concurrent batches", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ZAttempt, { minLength: 1, maxLength: 60 }), async (attempts) => {
        const run = randomUUID().slice(0, 8);
        const rows = attempts.map((a) => row(run, a));
        // Folds run while the batches commit: a row is folded exactly once, whichever wins.
        await Promise.all([
          ...rows.map((r) => sink.write(r)),
          foldPendingRollups(),
          foldPendingRollups(),
        ]);
        await foldPendingRollups();
        expect(await readRollups("MetricRollup", run)).toEqual(expected(rows, 60_000));
        expect(await readRollups("MetricRollupHour", run)).toEqual(expected(rows, 3_600_000));
      }),
      { numRuns: 25 },
    );
  });

  it("rebuildRollups recomputes the same rollups from raw rows", async () => {
    const run = randomUUID().slice(0, 8);
    const rows = fc.sample(ZAttempt, 80).map((a) => row(run, a));
    await Promise.all(rows.map((r) => sink.write(r)));
    await foldPendingRollups();
    const before = await readRollups("MetricRollup", run);
    await pool.query(`UPDATE "MetricRollup" SET "count" = 0 WHERE "endpoint" LIKE $1`, [
      `GET /itest/${run}/%`,
    ]);
    await rebuildRollups({ from: new Date(BASE), to: new Date(BASE + 4 * 3600_000) });
    expect(await readRollups("MetricRollup", run)).toEqual(before);
    expect(await readRollups("MetricRollupHour", run)).toEqual(expected(rows, 3_600_000));
  });

  it("rebuildRollups counts the window's pending rows once: a later fold does not add them again", async () => {
    const run = randomUUID().slice(0, 8);
    const rows = fc.sample(ZAttempt, 40).map((a) => row(run, a));
    await Promise.all(rows.map((r) => sink.write(r)));
    await rebuildRollups({ from: new Date(BASE), to: new Date(BASE + 4 * 3600_000) });
    await foldPendingRollups();
    expect(await readRollups("MetricRollup", run)).toEqual(expected(rows, 60_000));
  });

  it("the all-endpoints rows (endpoint '*') equal the sum over every endpoint", async () => {
    await foldPendingRollups();
    const sum = async (table: string, star: boolean) =>
      (
        await pool.query(`SELECT "bucket", "statusClass", sum("count")::int AS n, sum("errorCount")::int AS e, sum("retries")::int AS r, sum("durationSum")::float8 AS d
        FROM "${table}" WHERE "endpoint" ${star ? "=" : "<>"} '*' GROUP BY 1, 2 ORDER BY 1, 2`)
      ).rows;
    for (const t of ["MetricRollup", "MetricRollupHour"])
      expect(await sum(t, true)).toEqual(await sum(t, false));
  });
});

describe("chart series read from rollups", () => {
  it("sum to the raw counts for minute (6 h) and hour (7 d) ranges, by class and with an endpoint filter, before and after the fold", async () => {
    const run = randomUUID().slice(0, 8);
    const rows = fc.sample(ZAttempt, 120).map((a) => row(run, a));
    // Half folded, half still pending: the charts must count both.
    await Promise.all(rows.slice(0, 60).map((r) => sink.write(r)));
    await foldPendingRollups();
    await Promise.all(rows.slice(60).map((r) => sink.write(r)));
    const pending = await pool.query(`SELECT count(*)::int AS n FROM "RequestLogPending"`);
    expect(pending.rows[0].n).toBeGreaterThanOrEqual(60);
    await checkSeries(run, rows);
    await foldPendingRollups();
    await checkSeries(run, rows);
  });
});

async function checkSeries(run: string, rows: TRequestLogRow[]): Promise<void> {
  const now = new Date(BASE + 3 * 3600_000 + 30_000);
  const ep = `GET /itest/${run}/1`;
  const mine = rows.filter((r) => r.endpoint === ep);
  for (const range of ["6h", "7d"] as const) {
    const s = await getRequestSeries({ range, endpoint: ep, now });
    expect(s.points.reduce((n, p) => n + p.total, 0)).toBe(mine.length);
    expect(s.points.reduce((n, p) => n + p.byClass["429"], 0)).toBe(
      mine.filter((r) => r.statusClass === "429").length,
    );
    expect(s.points.reduce((n, p) => n + p.retries, 0)).toBe(
      mine.filter((r) => r.attempt > 1).length,
    );
  }
  const stats = await getEndpointStats({ range: "24h", now });
  const st = stats.find((x) => x.endpoint === ep);
  expect(st?.total ?? 0).toBe(mine.length);
}
