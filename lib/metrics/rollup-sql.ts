import "server-only";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { ALL_ENDPOINTS } from "./status-classes";

// SQL that folds RequestLog rows into MetricRollup (minute) and MetricRollupHour. One source of
// truth for both paths: the request-log sink wraps its INSERT with withRollups() so the attempt
// and its rollup commit in one statement (never one without the other), and rebuildRollups()
// recomputes a window from raw rows (backfill, the bench) with the same aggregate expressions.

// latencyHist slot i: bound[i-1] < durationMs ≤ bound[i]; the last slot is "slower than all".
const HIST_SQL = `ARRAY[${[
  ...LATENCY_BOUNDS_MS.map(
    (b, i) =>
      `count(*) FILTER (WHERE "durationMs" ${i === 0 ? "" : `> ${LATENCY_BOUNDS_MS[i - 1]} AND "durationMs" `}<= ${b})`,
  ),
  `count(*) FILTER (WHERE "durationMs" > ${LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]})`,
].join(", ")}]::int[]`;

// An attempt counts as an error unless it is a clean 2xx (a 2xx whose body failed validation
// carries an errorCode and counts too).
const AGG_SQL = `count(*), count(*) FILTER (WHERE "statusClass" <> '2xx' OR "errorCode" IS NOT NULL),
  count(*) FILTER (WHERE "attempt" > 1), coalesce(sum("durationMs"), 0), ${HIST_SQL}`;

const COLS = `"bucket", "endpoint", "statusClass", "count", "errorCount", "retries", "durationSum", "latencyHist"`;

// Element-wise sum of the stored and the new histogram (coalesce: arrays of different lengths
// after bounds were appended still add up instead of turning into NULL).
function upsertTail(): string {
  return `ON CONFLICT ("bucket", "endpoint", "statusClass") DO UPDATE SET
    "count" = r."count" + EXCLUDED."count",
    "errorCount" = r."errorCount" + EXCLUDED."errorCount",
    "retries" = r."retries" + EXCLUDED."retries",
    "durationSum" = r."durationSum" + EXCLUDED."durationSum",
    "latencyHist" = ARRAY(SELECT coalesce(x.a, 0) + coalesce(x.b, 0)
      FROM unnest(r."latencyHist", EXCLUDED."latencyHist") WITH ORDINALITY AS x(a, b, i) ORDER BY x.i)`;
}

// GROUPING SETS write two kinds of rows at once: one per endpoint, and one for all endpoints
// (endpoint = ALL_ENDPOINTS). Charts of all endpoints read the latter: 6 rows per bucket instead
// of endpoints × 6. ORDER BY the key: concurrent flushes lock rollup rows in one order.
function rollupInsert(
  table: "MetricRollup" | "MetricRollupHour",
  unit: "minute" | "hour",
  source: string,
): string {
  return `INSERT INTO "${table}" AS r (${COLS})
    SELECT date_trunc('${unit}', "at"), coalesce("endpoint", '${ALL_ENDPOINTS}'), "statusClass", ${AGG_SQL}
    FROM ${source} GROUP BY GROUPING SETS ((date_trunc('${unit}', "at"), "endpoint", "statusClass"), (date_trunc('${unit}', "at"), "statusClass"))
    ORDER BY 1, 2, 3 ${upsertTail()}`;
}

/** Wraps a multi-row `INSERT INTO "RequestLog" … VALUES …` so both rollups are updated with it. */
export function withRollups(insert: { text: string; values: unknown[] }): {
  text: string;
  values: unknown[];
} {
  const text = `WITH src AS (${insert.text} RETURNING "at", "endpoint", "statusClass", "durationMs", "attempt", "errorCode"),
    m AS (${rollupInsert("MetricRollup", "minute", "src")} RETURNING 1)
    ${rollupInsert("MetricRollupHour", "hour", "src")}`;
  return { text, values: insert.values };
}

// Timestamps travel as ISO strings and are cast here: the columns are UTC without a time zone,
// and node-pg would otherwise serialise a Date in the process's local zone.
const FROM = `($1::timestamptz AT TIME ZONE 'UTC')`;
const TO = `($2::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Statements that recompute both rollups for [$1, $2) from RequestLog ($1, $2: ISO strings on
 * whole hours). For windows that receive no new attempts meanwhile (backfill, the bench): a live
 * flush that lands between the DELETE and the INSERT would be counted twice.
 */
export function rebuildStatements(): string[] {
  const src = `(SELECT * FROM "RequestLog" WHERE "at" >= ${FROM} AND "at" < ${TO}) AS raw`;
  return [
    `DELETE FROM "MetricRollup" WHERE "bucket" >= ${FROM} AND "bucket" < ${TO}`,
    `DELETE FROM "MetricRollupHour" WHERE "bucket" >= ${FROM} AND "bucket" < ${TO}`,
    rollupInsert("MetricRollup", "minute", src),
    rollupInsert("MetricRollupHour", "hour", src),
  ];
}
