import "server-only";
import { sql } from "kysely";
import { sqlDb } from "../db";
import { windowOf, type TRange } from "../metrics/ranges";

// Balance history per account for the charts. Each step keeps its lowest available balance: a dip
// below a floor between two points must still show on the chart.

export type TBalancePoint = { t: number; available: bigint };

export async function getBalanceSeries(o: {
  accountId: string;
  range: TRange;
  now?: Date;
}): Promise<{ from: string; to: string; stepSec: number; points: TBalancePoint[] }> {
  const w = windowOf(o.range, o.now);
  // Polls come every 1–5 minutes: steps shorter than that would only show single snapshots.
  const stepSec = Math.max(w.stepSec, 120);
  const t = sql<number>`(floor(extract(epoch FROM "at") / ${stepSec}) * ${stepSec * 1000})::float8`;
  const rows = await sqlDb
    .selectFrom("BalanceSnapshot")
    .select((eb) => [t.as("t"), eb.fn.min("available").as("available")])
    .where("accountId", "=", o.accountId)
    .where("at", ">=", w.from)
    .where("at", "<", w.to)
    // By position: the step expression written again would carry its own parameters, and
    // PostgreSQL would not see it as the selected one.
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    stepSec,
    points: rows.map((r) => ({ t: r.t, available: r.available })),
  };
}
