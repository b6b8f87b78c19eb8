import "server-only";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { ALL_ENDPOINTS } from "./status-classes";

// SQL that folds RequestLog rows into MetricRollup (minute) and MetricRollupHour. One source of
// truth for every path: the request-log sink's INSERT also records each new row's id in
// RequestLogPending (insertWithPending: a plain insert, so concurrent writers never wait on the
// same rollup rows' locks); foldStatement() moves pending rows into both rollups and deletes them
// in one statement; readers use rollupHalves() (via rollupRows in rollup-query.ts), the rollup rows
// plus the pending rows aggregated on the fly, in one snapshot, so a chart never lags or disagrees
// with the log; rebuildStatements()
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
const AGG_SQL = `count(*) AS "count",
  count(*) FILTER (WHERE "statusClass" <> '2xx' OR "errorCode" IS NOT NULL) AS "errorCount",
  count(*) FILTER (WHERE "attempt" > 1) AS "retries", coalesce(sum("durationMs"), 0) AS "durationSum",
  ${HIST_SQL} AS "latencyHist"`;

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

const ROLLUP_TABLE = { minute: `"MetricRollup"`, hour: `"MetricRollupHour"` } as const;
export type TGrain = keyof typeof ROLLUP_TABLE;

// GROUPING SETS give two kinds of rows at once: one per endpoint, and one for all endpoints
// (endpoint = ALL_ENDPOINTS). Charts of all endpoints read the latter: 6 rows per bucket instead
// of endpoints × 6. ORDER BY the key: concurrent folds lock rollup rows in one order.
function aggregate(unit: TGrain, source: string): string {
  return `SELECT date_trunc('${unit}', "at") AS "bucket", coalesce("endpoint", '${ALL_ENDPOINTS}') AS "endpoint", "statusClass", ${AGG_SQL}
    FROM ${source} GROUP BY GROUPING SETS ((date_trunc('${unit}', "at"), "endpoint", "statusClass"), (date_trunc('${unit}', "at"), "statusClass"))`;
}

function rollupInsert(unit: TGrain, source: string): string {
  return `INSERT INTO ${ROLLUP_TABLE[unit]} AS r (${COLS}) ${aggregate(unit, source)} ORDER BY 1, 2, 3 ${upsertTail()}`;
}

const PENDING_ROWS = `(SELECT l.* FROM "RequestLogPending" p JOIN "RequestLog" l ON l."id" = p."id") AS pending_rows`;

/**
 * The two halves of what a chart reads (see rollupRows in rollup-query.ts): the rollup table,
 * and the not-yet-folded RequestLog rows aggregated into the same columns. Sums over both equal
 * sums over RequestLog whatever the fold job's lag.
 */
export function rollupHalves(unit: TGrain): { table: string; pending: string } {
  return {
    table: `(SELECT ${COLS} FROM ${ROLLUP_TABLE[unit]}) AS folded`,
    pending: `(${aggregate(unit, PENDING_ROWS)}) AS pending`,
  };
}

/** Wraps an `INSERT INTO "RequestLog" …` (any number of rows) so every row is queued for folding. */
export function insertWithPending(insert: { text: string; values: unknown[] }): {
  text: string;
  values: unknown[];
} {
  return {
    text: `WITH src AS (${insert.text} RETURNING "id") INSERT INTO "RequestLogPending" ("id") SELECT "id" FROM src`,
    values: insert.values,
  };
}

/**
 * Folds up to $1 pending rows (oldest first) into both rollups and deletes them, in one statement
 * (one snapshot for readers: the rows are either pending or folded, never both or neither).
 * SKIP LOCKED: concurrent folds (several instances) take disjoint batches. Returns `folded`.
 */
export function foldStatement(): string {
  return `WITH p AS (DELETE FROM "RequestLogPending" WHERE "id" IN
      (SELECT "id" FROM "RequestLogPending" ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING "id"),
    src AS (SELECT l."at", l."endpoint", l."statusClass", l."durationMs", l."attempt", l."errorCode"
      FROM "RequestLog" l JOIN p ON l."id" = p."id"),
    m AS (${rollupInsert("minute", "src")} RETURNING 1),
    h AS (${rollupInsert("hour", "src")} RETURNING 1)
    SELECT count(*)::int AS folded FROM p`;
}

// Timestamps travel as ISO strings and are cast here: the columns are UTC without a time zone,
// and node-pg would otherwise serialise a Date in the process's local zone.
const FROM = `$1::timestamptz`;
const TO = `$2::timestamptz`;

/**
 * Statements that recompute both rollups for [$1, $2) from RequestLog ($1, $2: ISO strings on
 * whole hours). For windows that receive no new attempts meanwhile (backfill, the bench): a live
 * flush that lands between the DELETE and the INSERT would be counted twice.
 */
export function rebuildStatements(): string[] {
  const src = `(SELECT * FROM "RequestLog" WHERE "at" >= ${FROM} AND "at" < ${TO}) AS raw`;
  return [
    // The window's pending rows are counted by the rebuild: the fold must not add them again.
    `DELETE FROM "RequestLogPending" p USING "RequestLog" l WHERE l."id" = p."id" AND l."at" >= ${FROM} AND l."at" < ${TO}`,
    `DELETE FROM "MetricRollup" WHERE "bucket" >= ${FROM} AND "bucket" < ${TO}`,
    `DELETE FROM "MetricRollupHour" WHERE "bucket" >= ${FROM} AND "bucket" < ${TO}`,
    rollupInsert("minute", src),
    rollupInsert("hour", src),
  ];
}
