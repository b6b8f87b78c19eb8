import "server-only";
import { sqlDb, type TSqlDb } from "../db";
import { rebuildStatements } from "./rollup-sql";

const HOUR = 3_600_000;

/**
 * Recomputes MetricRollup and MetricRollupHour for [from, to) from RequestLog, widened to whole
 * hours so the hourly rows are complete. One transaction: readers see the old or the new rollups.
 * Pass a transaction to make the rebuild part of a larger one.
 */
export async function rebuildRollups(
  o: { from: Date; to: Date },
  on: TSqlDb = sqlDb,
): Promise<{ from: Date; to: Date }> {
  const from = new Date(Math.floor(o.from.getTime() / HOUR) * HOUR);
  const to = new Date(Math.ceil(o.to.getTime() / HOUR) * HOUR);
  const run = async (trx: TSqlDb) => {
    for (const statement of rebuildStatements(from, to)) await statement.execute(trx);
  };
  if (on.isTransaction) await run(on);
  else await on.transaction().execute(run);
  return { from, to };
}
