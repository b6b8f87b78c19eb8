import { z } from "zod";
import { RANGE_KEYS, type TRange } from "../../metrics/ranges";
import { STATUS_CLASSES } from "../../metrics/status-classes";
import { ZAccountSummary, maskAccountSummary } from "./balance";
import { present, ZIso, ZMoney } from "./wire";

// The chart resources (GET /api/charts/requests, /api/charts/balances): series from the rollups,
// the per-endpoint table and the annotations drawn on every chart. `t` is a step's start in epoch
// milliseconds; rates are 0–1 or null when nothing was sent.

export const ZRange = z.enum(RANGE_KEYS as [TRange, ...TRange[]]);

export const ZAnnotation = z.object({
  at: ZIso,
  kind: z.enum([
    "breaker_open",
    "breaker_closed",
    "kill_switch_on",
    "kill_switch_off",
    "key_rotated",
  ]),
  label: z.string(),
});
export type TAnnotation = z.infer<typeof ZAnnotation>;

const ZRate = z.number().nullable();
const ZMs = z.number().nullable();

export const ZSeriesPoint = z.object({
  t: z.number(),
  total: z.number().int(),
  errors: z.number().int(),
  retries: z.number().int(),
  byClass: z.record(z.enum(STATUS_CLASSES), z.number().int()),
  errorRate: ZRate,
  p50: ZMs,
  p95: ZMs,
});
export type TSeriesPoint = z.infer<typeof ZSeriesPoint>;

export const ZEndpointStats = z.object({
  endpoint: z.string(),
  total: z.number().int(),
  errors: z.number().int(),
  retries: z.number().int(),
  errorRate: ZRate,
  p50: ZMs,
  p95: ZMs,
  avgMs: ZMs,
});
export type TEndpointStats = z.infer<typeof ZEndpointStats>;

export const ZRequestCharts = z.object({
  range: ZRange,
  from: ZIso,
  to: ZIso,
  stepSec: z.number().int(),
  points: z.array(ZSeriesPoint),
  endpoints: z.array(ZEndpointStats),
  annotations: z.array(ZAnnotation),
});
export type TRequestCharts = z.infer<typeof ZRequestCharts>;
export function presentRequestCharts(c: unknown) {
  return present(ZRequestCharts, c);
}

export const ZBalancePoint = z.object({ t: z.number(), available: ZMoney });
export type TBalancePoint = z.infer<typeof ZBalancePoint>;

export const ZBalanceCharts = z.object({
  range: ZRange,
  accounts: z.array(
    ZAccountSummary.extend({
      series: z.object({
        stepSec: z.number().int(),
        from: ZIso,
        to: ZIso,
        points: z.array(ZBalancePoint),
      }),
    }),
  ),
  annotations: z.array(ZAnnotation),
});
export type TBalanceCharts = z.infer<typeof ZBalanceCharts>;
export function presentBalanceCharts(c: {
  accounts: { lastError: string | null }[];
  [k: string]: unknown;
}) {
  return present(ZBalanceCharts, { ...c, accounts: c.accounts.map(maskAccountSummary) });
}
