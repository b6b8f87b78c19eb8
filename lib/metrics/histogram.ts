// Fixed latency bucket bounds for MetricRollup.latencyHist (and the Prometheus histogram). Pure
// module: the rollup SQL, the chart queries, the bench and the tests all read the same bounds.
//
// latencyHist[i] counts attempts with duration ≤ LATENCY_BOUNDS_MS[i] and > the previous bound;
// the extra last slot counts everything slower than the last bound. Changing the bounds changes
// the meaning of stored rows: append new bounds only at the end, never reorder.
export const LATENCY_BOUNDS_MS = [
  25, 50, 100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 10_000, 30_000,
] as const;
export const HIST_SLOTS = LATENCY_BOUNDS_MS.length + 1;

// Beyond the last bound we only know "slower than 30 s"; the client's whole-call deadline is 60 s,
// so that is the honest upper edge for interpolation in the overflow slot.
const OVERFLOW_UPPER_MS = 60_000;

export function emptyHist(): number[] {
  return new Array<number>(HIST_SLOTS).fill(0);
}

export function slotOf(durationMs: number): number {
  const i = LATENCY_BOUNDS_MS.findIndex((b) => durationMs <= b);
  return i === -1 ? LATENCY_BOUNDS_MS.length : i;
}

export function addHist(a: readonly number[], b: readonly number[]): number[] {
  const out = emptyHist();
  for (let i = 0; i < HIST_SLOTS; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return out;
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram, interpolating linearly inside the slot that holds
 * it, as Prometheus' histogram_quantile does. Null when the histogram is empty.
 */
export function quantileFromHist(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < HIST_SLOTS; i++) {
    const n = hist[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
      const upper = i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i] : OVERFLOW_UPPER_MS;
      return Math.round(lower + ((upper - lower) * (rank - seen)) / n);
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
