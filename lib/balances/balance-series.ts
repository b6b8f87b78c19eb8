import "server-only";
import { db } from "../db";
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
  const rows = await db.$queryRaw<{ t: number; available: bigint }[]>`
    SELECT (floor(extract(epoch FROM "at") / ${stepSec}) * ${stepSec * 1000})::float8 AS t, min("available") AS available
    FROM "BalanceSnapshot" WHERE "accountId" = ${o.accountId} AND "at" >= ${w.from}::timestamptz AND "at" < ${w.to}::timestamptz
    GROUP BY 1 ORDER BY 1`;
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    stepSec,
    points: rows.map((r) => ({ t: r.t, available: r.available })),
  };
}
