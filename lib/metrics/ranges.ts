import { z } from "zod";
import { STATUS_CLASSES } from "./status-classes";

// Chart ranges and the query string that selects them. Pure module: the server route parses the
// query with ZChartQuery and the browser builds and reads the same URL (docs/DESIGN.md §8): a link
// reproduces exactly what the on-call person saw.

export const RANGES = {
  "15m": { ms: 15 * 60_000, stepSec: 60, grain: "minute" },
  "1h": { ms: 60 * 60_000, stepSec: 60, grain: "minute" },
  "6h": { ms: 6 * 3_600_000, stepSec: 300, grain: "minute" },
  "24h": { ms: 24 * 3_600_000, stepSec: 900, grain: "minute" },
  // Long ranges read the hourly table: 168 / 720 rows per series instead of 10,080 / 43,200.
  "7d": { ms: 7 * 86_400_000, stepSec: 3_600, grain: "hour" },
  "30d": { ms: 30 * 86_400_000, stepSec: 21_600, grain: "hour" },
} as const satisfies Record<string, { ms: number; stepSec: number; grain: "minute" | "hour" }>;

export type TRange = keyof typeof RANGES;
export const RANGE_KEYS = Object.keys(RANGES) as TRange[];

export const ZChartQuery = z.object({
  range: z.enum(RANGE_KEYS as [TRange, ...TRange[]]).default("1h"),
  endpoint: z.string().max(120).optional(),
  statusClass: z.enum(STATUS_CLASSES).optional(),
});
export type TChartQuery = z.infer<typeof ZChartQuery>;

export type TWindow = { from: Date; to: Date; stepSec: number; grain: "minute" | "hour" };

/** The window of a range ending now: `from` is aligned down to a step so buckets are stable. */
export function windowOf(range: TRange, now: Date = new Date()): TWindow {
  const r = RANGES[range];
  const stepMs = r.stepSec * 1000;
  const end = Math.ceil((now.getTime() + 1) / 60_000) * 60_000; // include the current minute
  const from = Math.floor((end - r.ms) / stepMs) * stepMs;
  return { from: new Date(from), to: new Date(end), stepSec: r.stepSec, grain: r.grain };
}

/** Every step start in [from, to): charts show empty minutes as zero, not as a gap. */
export function stepStarts(w: TWindow): number[] {
  const out: number[] = [];
  for (let t = w.from.getTime(); t < w.to.getTime(); t += w.stepSec * 1000) out.push(t);
  return out;
}
