import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addHist,
  emptyHist,
  HIST_SLOTS,
  LATENCY_BOUNDS_MS,
  quantileFromHist,
  slotOf,
} from "@/lib/metrics/histogram";
import { RANGES, RANGE_KEYS, stepStarts, windowOf, ZChartQuery } from "@/lib/metrics/ranges";
import { histogramSamples, renderPrometheus } from "@/lib/metrics/prometheus";

describe("latency histogram", () => {
  it("puts a duration in the first slot whose bound holds it; beyond the last bound in the overflow slot", () => {
    expect(slotOf(0)).toBe(0);
    expect(slotOf(25)).toBe(0);
    expect(slotOf(26)).toBe(1);
    expect(slotOf(30_000)).toBe(LATENCY_BOUNDS_MS.length - 1);
    expect(slotOf(30_001)).toBe(LATENCY_BOUNDS_MS.length);
  });

  it("quantiles stay inside the slot that holds the true quantile (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 29_999 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.95, 0.99),
        (durations, q) => {
          const hist = emptyHist();
          for (const d of durations) hist[slotOf(d)]++;
          const sorted = [...durations].sort((a, b) => a - b);
          const truth = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
          const est = quantileFromHist(hist, q) as number;
          const slot = slotOf(truth);
          const lower = slot === 0 ? 0 : LATENCY_BOUNDS_MS[slot - 1];
          expect(est).toBeGreaterThanOrEqual(lower);
          expect(est).toBeLessThanOrEqual(LATENCY_BOUNDS_MS[slot]);
        },
      ),
    );
  });

  it("is null when empty and adds element-wise", () => {
    expect(quantileFromHist(emptyHist(), 0.5)).toBeNull();
    const a = emptyHist();
    a[2] = 3;
    expect(addHist(a, a)[2]).toBe(6);
    expect(addHist(a, a)).toHaveLength(HIST_SLOTS);
  });
});

describe("chart ranges", () => {
  it("windows end after now, start aligned to the step, and cover the range", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RANGE_KEYS),
        fc.integer({ min: 1.6e12, max: 1.9e12 }),
        (range, now) => {
          const w = windowOf(range, new Date(now));
          expect(w.to.getTime()).toBeGreaterThan(now);
          expect(w.from.getTime() % (w.stepSec * 1000)).toBe(0);
          expect(w.to.getTime() - w.from.getTime()).toBeGreaterThanOrEqual(RANGES[range].ms);
          const steps = stepStarts(w);
          expect(steps[0]).toBe(w.from.getTime());
          expect(steps.length).toBeLessThanOrEqual(
            Math.ceil(RANGES[range].ms / (w.stepSec * 1000)) + 2,
          );
        },
      ),
    );
  });

  it("long ranges read the hourly table; a bad range in the URL is refused by the schema", () => {
    expect(windowOf("7d").grain).toBe("hour");
    expect(windowOf("24h").grain).toBe("minute");
    expect(ZChartQuery.safeParse({ range: "2y" }).success).toBe(false);
    expect(ZChartQuery.parse({}).range).toBe("1h");
  });
});

describe("Prometheus text", () => {
  it("renders cumulative histogram buckets in seconds with +Inf, _sum and _count", () => {
    const slots = emptyHist();
    slots[0] = 2;
    slots[LATENCY_BOUNDS_MS.length] = 1;
    const text = renderPrometheus([
      {
        name: "x_seconds",
        help: "h",
        type: "histogram",
        samples: histogramSamples({ endpoint: 'GET /v1/"a"' }, LATENCY_BOUNDS_MS, slots, 31_050),
      },
    ]);
    expect(text).toContain("# TYPE x_seconds histogram");
    expect(text).toContain('x_seconds_bucket{endpoint="GET /v1/\\"a\\"",le="0.025"} 2');
    expect(text).toContain('x_seconds_bucket{endpoint="GET /v1/\\"a\\"",le="30"} 2');
    expect(text).toContain('x_seconds_bucket{endpoint="GET /v1/\\"a\\"",le="+Inf"} 3');
    expect(text).toContain('x_seconds_sum{endpoint="GET /v1/\\"a\\""} 31.05');
    expect(text).toContain('x_seconds_count{endpoint="GET /v1/\\"a\\""} 3');
  });
});
