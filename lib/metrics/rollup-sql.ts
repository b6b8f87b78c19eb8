import "server-only";
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { ALL_ENDPOINTS } from "./status-classes";

// The statements that fold RequestLog rows into MetricRollup (minute) and MetricRollupHour, as
// Kysely `sql` fragments: one source of truth for every path. The request-log sink's INSERT also
// records each new row's id in RequestLogPending (withPending: a plain insert, so concurrent
// writers never wait on the same rollup rows' locks); foldStatement() moves pending rows into both
// rollups and deletes them in one statement; readers use rollupHalves() (via rollupRows in
// rollup-query.ts), the rollup rows plus the pending rows aggregated on the fly, in one snapshot,
// so a chart never lags or disagrees with the log; rebuildStatements() recomputes a window from
// raw rows (backfill, the bench) with the same aggregate expressions.
//
// Constants (bucket bounds, the grain, ALL_ENDPOINTS) are inlined as literals, never parameters:
// a statement's text then depends only on its shape, and the planner sees the real values.

// latencyHist slot i: bound[i-1] < durationMs ≤ bound[i]; the last slot is "slower than all".
const duration = sql.ref("durationMs");
const HIST = sql`ARRAY[${sql.join([
  ...LATENCY_BOUNDS_MS.map((b, i) =>
    i === 0
      ? sql`count(*) FILTER (WHERE ${duration} <= ${sql.lit(b)})`
      : sql`count(*) FILTER (WHERE ${duration} > ${sql.lit(LATENCY_BOUNDS_MS[i - 1])} AND ${duration} <= ${sql.lit(b)})`,
  ),
  sql`count(*) FILTER (WHERE ${duration} > ${sql.lit(LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1])})`,
])}]::int[]`;

// An attempt counts as an error unless it is a clean 2xx (a 2xx whose body failed validation
// carries an errorCode and counts too).
const AGG = sql`count(*) AS "count",
  count(*) FILTER (WHERE "statusClass" <> '2xx' OR "errorCode" IS NOT NULL) AS "errorCount",
  count(*) FILTER (WHERE "attempt" > 1) AS "retries", coalesce(sum("durationMs"), 0) AS "durationSum",
  ${HIST} AS "latencyHist"`;

const COLS = sql.join(
  [
    "bucket",
    "endpoint",
    "statusClass",
    "count",
    "errorCount",
    "retries",
    "durationSum",
    "latencyHist",
  ].map((c) => sql.ref(c)),
);

// Element-wise sum of the stored and the new histogram (coalesce: arrays of different lengths
// after bounds were appended still add up instead of turning into NULL).
const UPSERT_TAIL = sql`ON CONFLICT ("bucket", "endpoint", "statusClass") DO UPDATE SET
    "count" = r."count" + EXCLUDED."count",
    "errorCount" = r."errorCount" + EXCLUDED."errorCount",
    "retries" = r."retries" + EXCLUDED."retries",
    "durationSum" = r."durationSum" + EXCLUDED."durationSum",
    "latencyHist" = ARRAY(SELECT coalesce(x.a, 0) + coalesce(x.b, 0)
      FROM unnest(r."latencyHist", EXCLUDED."latencyHist") WITH ORDINALITY AS x(a, b, i) ORDER BY x.i)`;

const ROLLUP_TABLE = { minute: sql.table("MetricRollup"), hour: sql.table("MetricRollupHour") };
export type TGrain = keyof typeof ROLLUP_TABLE;

// GROUPING SETS give two kinds of rows at once: one per endpoint, and one for all endpoints
// (endpoint = ALL_ENDPOINTS). Charts of all endpoints read the latter: 6 rows per bucket instead
// of endpoints × 6.
function aggregate(unit: TGrain, source: RawBuilder<unknown>): RawBuilder<unknown> {
  const bucket = sql`date_trunc(${sql.lit(unit)}, "at")`;
  return sql`SELECT ${bucket} AS "bucket", coalesce("endpoint", ${sql.lit(ALL_ENDPOINTS)}) AS "endpoint", "statusClass", ${AGG}
    FROM ${source} GROUP BY GROUPING SETS ((${bucket}, "endpoint", "statusClass"), (${bucket}, "statusClass"))`;
}

// ORDER BY the key: concurrent folds lock rollup rows in one order.
function rollupInsert(unit: TGrain, source: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`INSERT INTO ${ROLLUP_TABLE[unit]} AS r (${COLS}) ${aggregate(unit, source)} ORDER BY 1, 2, 3 ${UPSERT_TAIL}`;
}

const PENDING_ROWS = sql`(SELECT l.* FROM "RequestLogPending" p JOIN "RequestLog" l ON l."id" = p."id") AS pending_rows`;

/**
 * The two halves of what a chart reads (see rollupRows in rollup-query.ts): the rollup table,
 * and the not-yet-folded RequestLog rows aggregated into the same columns. Sums over both equal
 * sums over RequestLog whatever the fold job's lag.
 */
export function rollupHalves(unit: TGrain): {
  table: RawBuilder<unknown>;
  pending: RawBuilder<unknown>;
} {
  return {
    table: sql`(SELECT ${COLS} FROM ${ROLLUP_TABLE[unit]}) AS folded`,
    pending: sql`(${aggregate(unit, PENDING_ROWS)}) AS pending`,
  };
}

/**
 * Wraps an `INSERT INTO "RequestLog" …` (any number of rows, no RETURNING) so every row it inserts
 * is queued for folding by the same statement: the charts' counts can never disagree with the log.
 */
export function withPending(insert: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`WITH src AS (${insert} RETURNING "id") INSERT INTO "RequestLogPending" ("id") SELECT "id" FROM src`;
}

/**
 * Folds up to `limit` pending rows (oldest first) into both rollups and deletes them, in one
 * statement (one snapshot for readers: the rows are either pending or folded, never both or
 * neither). SKIP LOCKED: concurrent folds (several instances) take disjoint batches.
 */
export function foldStatement(limit: number): RawBuilder<{ folded: number }> {
  const src = sql.table("src");
  return sql<{ folded: number }>`WITH p AS (DELETE FROM "RequestLogPending" WHERE "id" IN
      (SELECT "id" FROM "RequestLogPending" ORDER BY "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED) RETURNING "id"),
    src AS (SELECT l."at", l."endpoint", l."statusClass", l."durationMs", l."attempt", l."errorCode"
      FROM "RequestLog" l JOIN p ON l."id" = p."id"),
    m AS (${rollupInsert("minute", src)} RETURNING 1),
    h AS (${rollupInsert("hour", src)} RETURNING 1)
    SELECT count(*)::int AS folded FROM p`;
}

/**
 * Statements that recompute both rollups for [from, to) from RequestLog (on whole hours), to run
 * in one transaction. For windows that receive no new attempts meanwhile (backfill, the bench): a
 * live flush that lands between the DELETE and the INSERT would be counted twice.
 */
export function rebuildStatements(from: Date, to: Date): RawBuilder<unknown>[] {
  const inWindow = (col: RawBuilder<unknown>): Expression<SqlBool> =>
    sql<SqlBool>`${col} >= ${from} AND ${col} < ${to}`;
  const src = sql`(SELECT * FROM "RequestLog" WHERE ${inWindow(sql.ref("at"))}) AS raw`;
  return [
    // The window's pending rows are counted by the rebuild: the fold must not add them again.
    sql`DELETE FROM "RequestLogPending" p USING "RequestLog" l WHERE l."id" = p."id" AND ${inWindow(sql.ref("l.at"))}`,
    sql`DELETE FROM "MetricRollup" WHERE ${inWindow(sql.ref("bucket"))}`,
    sql`DELETE FROM "MetricRollupHour" WHERE ${inWindow(sql.ref("bucket"))}`,
    rollupInsert("minute", src),
    rollupInsert("hour", src),
  ];
}
