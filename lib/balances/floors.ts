// Floor and runway arithmetic. Pure, integer minor units throughout:
// warning floor = 20 % of typical daily spend, critical floor = 5 %, runway = what is left after
// approved-but-unsent operations, in days of typical spend.

export const WARNING_PERCENT = 20n;
export const CRITICAL_PERCENT = 5n;
export const SPEND_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export type TBalanceLevel = "ok" | "warning" | "critical" | "unknown";

export type TSpendInput = {
  snapshotOutflow: bigint; // sum of balance decreases between consecutive snapshots in the window
  operationsOutflow: bigint; // console operations accepted or settled from this account in the window
  historyStart: Date | null; // oldest snapshot in the window
  now: Date;
};

/**
 * Typical daily spend over the last 7 days. Two views of the same outflows: snapshot decreases
 * see money leaving through any channel (Mono's dashboard too) but an inflow between two polls
 * hides an outflow; console operations are exact but miss other channels. The larger wins: a
 * floor that is too high warns early, one that is too low warns late. A young history is divided
 * by its real length (at least one day), so the first week does not understate spend.
 */
export function typicalDailySpend(i: TSpendInput): bigint {
  const outflow = i.snapshotOutflow > i.operationsOutflow ? i.snapshotOutflow : i.operationsOutflow;
  if (outflow <= 0n) return 0n;
  const age = i.historyStart ? i.now.getTime() - i.historyStart.getTime() : 0;
  const spanMs = Math.min(Math.max(age, DAY_MS), SPEND_WINDOW_DAYS * DAY_MS);
  return (outflow * BigInt(DAY_MS)) / BigInt(spanMs);
}

export function floorsOf(dailySpend: bigint): { warning: bigint; critical: bigint } {
  return {
    warning: (dailySpend * WARNING_PERCENT) / 100n,
    critical: (dailySpend * CRITICAL_PERCENT) / 100n,
  };
}

/** No spend yet means no floor: an account nobody pays from cannot run out. */
export function levelOf(
  available: bigint | null,
  f: { warning: bigint; critical: bigint },
): TBalanceLevel {
  if (available === null) return "unknown";
  if (f.warning === 0n) return "ok";
  if (available < f.critical) return "critical";
  if (available < f.warning) return "warning";
  return "ok";
}

export type TRunway = { projected: bigint; days: number | null };

/** Available minus approved-but-unsent operations; days of typical spend that covers (1 decimal). */
export function runwayOf(available: bigint, committed: bigint, dailySpend: bigint): TRunway {
  const projected = available - committed;
  if (dailySpend <= 0n) return { projected, days: null };
  const tenths = (projected * 10n) / dailySpend;
  return { projected, days: Number(tenths) / 10 };
}

/** Sum of decreases between consecutive points (mirrors the SQL in account-summaries.ts). */
export function snapshotOutflow(points: readonly { at: Date; available: bigint }[]): bigint {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  let out = 0n;
  for (let i = 1; i < sorted.length; i++) {
    const drop = sorted[i - 1].available - sorted[i].available;
    if (drop > 0n) out += drop;
  }
  return out;
}
