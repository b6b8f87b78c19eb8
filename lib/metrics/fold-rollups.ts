import "server-only";
import { sqlDb } from "../db";
import { foldStatement } from "./rollup-sql";

const BATCH = 5_000;

/**
 * Moves every pending RequestLog row into MetricRollup(Hour), in batches of 5,000 (one statement
 * each: a batch is folded and un-queued together). Safe to run from several instances at once.
 * Charts are exact without it (they add pending rows on the fly); it keeps that tail short.
 */
export async function foldPendingRollups(): Promise<{ folded: number }> {
  let folded = 0;
  for (;;) {
    const { rows } = await foldStatement(BATCH).execute(sqlDb);
    const n = rows[0]?.folded ?? 0;
    folded += n;
    if (n < BATCH) return { folded };
  }
}
