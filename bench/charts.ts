// bench/charts: the 7-day error-rate series through the API function (rollups) against the same
// series by GROUP BY over raw RequestLog rows, in one run on a real PostgreSQL.
//   npm run bench -- charts [--rows N]        (default 10,000,000; or BENCH_ROWS)
// Uses BENCH_DATABASE_URL or postgresql://postgres@127.0.0.1:5432/mono_bench_charts (created and
// migrated if missing). Rows already there from a previous run of the same size are reused
// (BENCH_FRESH=1 regenerates, BENCH_REBUILD=1 rebuilds their rollups). Last line: {"bench":"charts","rows":…,"p95_ms":…,"speedup_vs_groupby":…}
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { generateRequestLog } from "./lib/generate-request-log";
import { rowsArg } from "./lib/rows-arg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const rows = rowsArg(10_000_000);
const url =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mono_bench_charts";
const API_RUNS = 100;
const RAW_RUNS = 5;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const round = (x: number) => Math.round(x * 100) / 100;

async function ensureDatabase(): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString(),
  });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
}

async function main() {
  await ensureDatabase();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const have = Number((await c.query(`SELECT count(*) FROM "RequestLog"`)).rows[0].count);
  let window: { from: Date; to: Date };
  if (have === rows && process.env.BENCH_FRESH !== "1") {
    const r = (await c.query(`SELECT min("at") AS f, max("at") AS t FROM "RequestLog"`)).rows[0];
    window = { from: new Date(r.f), to: new Date(r.t) };
    console.log(`reusing ${rows.toLocaleString("en")} rows already in the bench database`);
  } else {
    await c.query(`TRUNCATE "RequestLog", "MetricRollup", "MetricRollupHour"`);
    console.log(`generating ${rows.toLocaleString("en")} RequestLog rows over 7 days with COPY…`);
    const g = await generateRequestLog({
      databaseUrl: url,
      rows,
      days: 7,
      onProgress: (n) => console.log(`  ${n.toLocaleString("en")}`),
    });
    console.log(`  copied in ${(g.ms / 1000).toFixed(1)} s`);
    window = g;
  }
  // Reused rows keep their rollups unless asked (BENCH_REBUILD=1: e.g. after a rollup code change).
  const rolled = Number(
    (await c.query(`SELECT count(*) FROM "MetricRollupHour" WHERE "endpoint" = '*'`)).rows[0].count,
  );
  // lib/ reads lib/env, which reads DATABASE_URL on first use: set it before importing any of it.
  process.env.DATABASE_URL = url;
  if (rolled === 0 || process.env.BENCH_REBUILD === "1") {
    const { rebuildRollups } = await import("../lib/metrics/rebuild-rollups");
    const t = Date.now();
    await rebuildRollups({ from: window.from, to: new Date(window.to.getTime() + 60_000) });
    console.log(`rollups built from the raw rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (have !== rows) await c.query(`VACUUM ANALYZE "RequestLog"`);
  await c.query(`VACUUM ANALYZE "MetricRollup"`);
  await c.query(`VACUUM ANALYZE "MetricRollupHour"`);
  // The queue of not-yet-folded rows, as autovacuum keeps it analysed in a running console (after
  // its first 50 changes): never analysed, the planner guesses it holds thousands of rows and
  // joins them to every day partition by a full scan (a 1 M-row run read 1 M rows per series).
  await c.query(`VACUUM ANALYZE "RequestLogPending"`);
  const rollupRows = Number(
    (await c.query(`SELECT count(*) FROM "MetricRollupHour" WHERE "endpoint" = '*'`)).rows[0].count,
  );

  const { getRequestSeries } = await import("../lib/metrics/request-series");
  const { db } = await import("../lib/db");
  const now = new Date(window.to.getTime() + 1_000);
  const api: number[] = [];
  let points = 0;
  for (let i = 0; i < API_RUNS + 5; i++) {
    const t = performance.now();
    const s = await getRequestSeries({ range: "7d", now });
    if (i >= 5) api.push(performance.now() - t); // the first few warm the pool and the plan cache
    points = s.points.length;
  }
  const from = new Date(Math.floor((now.getTime() - 7 * 86_400_000) / 3_600_000) * 3_600_000);
  const raw: number[] = [];
  let rawTotal = 0;
  for (let i = 0; i < RAW_RUNS; i++) {
    const t = performance.now();
    const r = await c.query(
      `SELECT date_trunc('hour', "at") AS h, "statusClass", count(*) AS n, count(*) FILTER (WHERE "statusClass" <> '2xx' OR "errorCode" IS NOT NULL) AS e
       FROM "RequestLog" WHERE "at" >= $1::timestamptz AND "at" < $2::timestamptz GROUP BY 1, 2`,
      [from.toISOString(), new Date(now.getTime() + 60_000).toISOString()],
    );
    raw.push(performance.now() - t);
    rawTotal = r.rows.reduce((s, x) => s + Number(x.n), 0);
  }
  const apiTotal = (await getRequestSeries({ range: "7d", now })).points.reduce(
    (s, p) => s + p.total,
    0,
  );
  console.log(
    `series: ${points} hourly points, ${rollupRows.toLocaleString("en")} all-endpoint hourly rollup rows read; totals api=${apiTotal} raw=${rawTotal} (${apiTotal === rawTotal ? "equal" : "DIFFERENT"})`,
  );
  console.log(
    `API (rollups) 7-day series: p50 ${round(pct(api, 50))} ms, p95 ${round(pct(api, 95))} ms over ${API_RUNS} runs`,
  );
  console.log(`GROUP BY over raw rows:     p50 ${round(pct(raw, 50))} ms over ${RAW_RUNS} runs`);
  await c.end();
  await db.$disconnect();
  console.log(
    JSON.stringify({
      bench: "charts",
      rows,
      p95_ms: round(pct(api, 95)),
      speedup_vs_groupby: round(pct(raw, 50) / pct(api, 95)),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
