import "server-only";
import { addHist, emptyHist, quantileFromHist } from "./histogram";
import { aggregateRollups, type TRollupAgg, type TRollupFilter } from "./rollup-query";
import { STATUS_CLASSES, type TStatusClassName } from "./status-classes";
import { stepStarts, windowOf, type TRange, type TWindow } from "./ranges";

// Request charts from rollups: per time step, counts by status class, error rate, retries and
// latency p50/p95; per endpoint, the same over the whole window.

export type TClassCounts = Record<TStatusClassName, number>;
export type TSeriesPoint = {
  t: number;
  total: number;
  errors: number;
  retries: number;
  byClass: TClassCounts;
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
};
export type TEndpointStats = {
  endpoint: string;
  total: number;
  errors: number;
  retries: number;
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  avgMs: number | null;
};
export type TRequestSeries = {
  range: TRange;
  from: string;
  to: string;
  stepSec: number;
  points: TSeriesPoint[];
};

const zeroClasses = (): TClassCounts =>
  Object.fromEntries(STATUS_CLASSES.map((c) => [c, 0])) as TClassCounts;

type TAcc = {
  total: number;
  errors: number;
  retries: number;
  durationSum: number;
  byClass: TClassCounts;
  hist: number[];
};
const emptyAcc = (): TAcc => ({
  total: 0,
  errors: 0,
  retries: 0,
  durationSum: 0,
  byClass: zeroClasses(),
  hist: emptyHist(),
});

/** Folds rollup aggregates into one accumulator per key (exported for the property tests). */
export function foldByKey(rows: TRollupAgg[]): Map<string, TAcc> {
  const out = new Map<string, TAcc>();
  for (const r of rows) {
    const a = out.get(r.key) ?? emptyAcc();
    a.total += r.count;
    a.errors += r.errors;
    a.retries += r.retries;
    a.durationSum += r.durationSum;
    if (r.statusClass in a.byClass) a.byClass[r.statusClass as TStatusClassName] += r.count;
    a.hist = addHist(a.hist, r.hist);
    out.set(r.key, a);
  }
  return out;
}

const rate = (errors: number, total: number) => (total === 0 ? null : errors / total);

export async function getRequestSeries(
  o: { range: TRange; now?: Date } & TRollupFilter,
): Promise<TRequestSeries> {
  const w: TWindow = windowOf(o.range, o.now);
  const acc = foldByKey(await aggregateRollups(w, "step", o));
  const points = stepStarts(w).map((t): TSeriesPoint => {
    const a = acc.get(String(t)) ?? emptyAcc();
    return {
      t,
      total: a.total,
      errors: a.errors,
      retries: a.retries,
      byClass: a.byClass,
      errorRate: rate(a.errors, a.total),
      p50: quantileFromHist(a.hist, 0.5),
      p95: quantileFromHist(a.hist, 0.95),
    };
  });
  return {
    range: o.range,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    stepSec: w.stepSec,
    points,
  };
}

export async function getEndpointStats(
  o: { range: TRange; now?: Date } & TRollupFilter,
): Promise<TEndpointStats[]> {
  const acc = foldByKey(await aggregateRollups(windowOf(o.range, o.now), "endpoint", o));
  return [...acc.entries()]
    .map(([endpoint, a]) => ({
      endpoint,
      total: a.total,
      errors: a.errors,
      retries: a.retries,
      errorRate: rate(a.errors, a.total),
      p50: quantileFromHist(a.hist, 0.5),
      p95: quantileFromHist(a.hist, 0.95),
      avgMs: a.total ? Math.round(a.durationSum / a.total) : null,
    }))
    .sort((x, y) => y.total - x.total);
}
