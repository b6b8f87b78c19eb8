import "server-only";
import type pg from "pg";
import { rebuildStatements } from "./rollup-sql";

const HOUR = 3_600_000;

/**
 * Recomputes MetricRollup and MetricRollupHour for [from, to) from RequestLog, widened to whole
 * hours so the hourly rows are complete. One transaction: readers see the old or the new rollups.
 * Takes one pg connection (not Prisma): the bench and backfills run it over millions of rows.
 */
export async function rebuildRollups(
  conn: pg.ClientBase,
  o: { from: Date; to: Date },
): Promise<{ from: Date; to: Date }> {
  const from = new Date(Math.floor(o.from.getTime() / HOUR) * HOUR);
  const to = new Date(Math.ceil(o.to.getTime() / HOUR) * HOUR);
  const values = [from.toISOString(), to.toISOString()];
  try {
    await conn.query("BEGIN");
    for (const text of rebuildStatements()) await conn.query(text, values);
    await conn.query("COMMIT");
  } catch (err) {
    await conn.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
  return { from, to };
}
