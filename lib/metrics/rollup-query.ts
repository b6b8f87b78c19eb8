import "server-only";
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { sqlDb } from "../db";
import { HIST_SLOTS } from "./histogram";
import { rollupHalves, type TGrain } from "./rollup-sql";
import { ALL_ENDPOINTS } from "./status-classes";
import type { TWindow } from "./ranges";

// The one reader of the rollup tables. Every chart aggregates rollup rows, never RequestLog:
// a 7-day series sums at most 168 hours × endpoints × classes rows (plus the few RequestLog rows
// the fold job has not reached yet, aggregated the same way: see rollupRows).

export type TRollupAgg = {
  key: string;
  statusClass: string;
  count: number;
  errors: number;
  retries: number;
  durationSum: number;
  hist: number[];
};
export type TRollupFilter = { endpoint?: string; statusClass?: string };

// Sums as float8: the counts fit a double exactly, and float8 (unlike numeric or int8) reads as
// a JS number.
const HIST_SUMS = sql`ARRAY[${sql.join(
  Array.from(
    { length: HIST_SLOTS },
    (_, i) => sql`coalesce(sum("latencyHist"[${sql.lit(i + 1)}]), 0)`,
  ),
)}]::float8[]`;

type TRawRow = {
  key: string | Date;
  statusClass: string;
  n: number;
  e: number;
  r: number;
  d: number;
  h: number[];
};

/**
 * Rollup rows matching `where` (over the rollup columns), folded and pending alike, as one FROM
 * item. One statement, one snapshot: a fold committing meanwhile is seen whole or not at all.
 * `where` is applied inside each half so the table half keeps its index range scan.
 */
export function rollupRows(grain: TGrain, where: Expression<SqlBool>): RawBuilder<unknown> {
  const h = rollupHalves(grain);
  return sql`(SELECT * FROM ${h.table} WHERE ${where}
    UNION ALL SELECT * FROM ${h.pending} WHERE ${where}) AS rollup`;
}

/**
 * Sums rollups in the window, grouped by time step (`by: "step"`, key = step start in epoch ms)
 * or by endpoint (`by: "endpoint"`), and by status class.
 */
export async function aggregateRollups(
  w: TWindow,
  by: "step" | "endpoint",
  f: TRollupFilter = {},
): Promise<TRollupAgg[]> {
  // date_bin on the timestamp: extract(epoch) is numeric since PostgreSQL 14 and costs more
  // than the rest of the query. Bins are aligned to the Unix epoch, as windowOf() aligns steps.
  const key =
    by === "step"
      ? sql`date_bin(make_interval(secs => ${w.stepSec}), "bucket", TIMESTAMPTZ '1970-01-01 00:00:00+00')`
      : sql`"endpoint"`;
  const conds: RawBuilder<SqlBool>[] = [sql`"bucket" >= ${w.from} AND "bucket" < ${w.to}`];
  // All-endpoint totals live in their own rows (rollup-sql.ts): read those, or only the others.
  if (by === "endpoint") conds.push(sql`"endpoint" <> ${ALL_ENDPOINTS}`);
  else conds.push(sql`"endpoint" = ${f.endpoint ?? ALL_ENDPOINTS}`);
  if (f.statusClass) conds.push(sql`"statusClass" = ${f.statusClass}`);
  const { rows } = await sql<TRawRow>`
    SELECT ${key} AS key, "statusClass", sum("count")::float8 AS n, sum("errorCount")::float8 AS e,
      sum("retries")::float8 AS r, sum("durationSum")::float8 AS d, ${HIST_SUMS} AS h
    FROM ${rollupRows(w.grain, sql<SqlBool>`${sql.join(conds, sql` AND `)}`)} GROUP BY 1, 2`.execute(
    sqlDb,
  );
  return rows.map((x) => ({
    key: x.key instanceof Date ? String(x.key.getTime()) : x.key,
    statusClass: x.statusClass,
    count: x.n,
    errors: x.e,
    retries: x.r,
    durationSum: x.d,
    hist: x.h,
  }));
}
