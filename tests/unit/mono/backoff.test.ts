import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_BACKOFF,
  backoffMs,
  exponentialMs,
  nextDelay,
  parseRetryAfterMs,
} from "@/lib/mono/backoff";

describe("backoff schedule (docs/DESIGN.md P13)", () => {
  it("starts at 1 s and doubles: 1, 2, 4, 8, 16 s for the five retries", () => {
    expect([1, 2, 3, 4, 5].map((n) => exponentialMs(n))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
  });

  it("caps the exponential part at 30 s, however many retries", () => {
    expect(exponentialMs(6)).toBe(30_000);
    expect(exponentialMs(7)).toBe(30_000);
    expect(exponentialMs(1_000)).toBe(30_000);
    expect(exponentialMs(0)).toBe(0);
  });

  it("allows at most 5 retries by default", () => {
    expect(DEFAULT_BACKOFF.maxRetries).toBe(5);
  });

  it("adds 0–500 ms of jitter, never outside [exp, exp + 500)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, r) => {
          const d = backoffMs(retry, () => r);
          const base = exponentialMs(retry);
          return d >= base && d < base + 500;
        },
      ),
    );
  });

  it("jitter spans the whole range with a real random source", () => {
    const samples = Array.from({ length: 2_000 }, () => backoffMs(1) - 1_000);
    expect(Math.min(...samples)).toBeLessThan(50);
    expect(Math.max(...samples)).toBeGreaterThan(450);
  });
});

describe("Retry-After is authoritative", () => {
  const now = Date.parse("2026-11-22T12:00:00Z");

  it("parses delta-seconds and HTTP dates", () => {
    expect(parseRetryAfterMs("2", now)).toBe(2_000);
    expect(parseRetryAfterMs("0", now)).toBe(0);
    expect(parseRetryAfterMs("Sun, 22 Nov 2026 12:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfterMs("Sun, 22 Nov 2026 11:00:00 GMT", now)).toBe(0); // past → now
  });

  it("ignores garbage instead of stalling", () => {
    for (const v of ["", "soon", "-1", "1e9", "Mon, 99 Foo", null, undefined, "12abc"])
      expect(parseRetryAfterMs(v, now)).toBeNull();
  });

  it("never schedules the next attempt before Retry-After (seconds form)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 86_400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, secs, r) => {
          const ra = parseRetryAfterMs(String(secs), now);
          const d = nextDelay(retry, ra, () => r);
          return (
            d.delayMs >= secs * 1000 &&
            (d.reason === "retry_after") === secs * 1000 >= backoffMs(retry, () => r)
          );
        },
      ),
    );
  });

  it("never schedules the next attempt before Retry-After (HTTP-date form)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 86_400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retry, secs, r) => {
          const header = new Date(now + secs * 1000).toUTCString();
          const d = nextDelay(retry, parseRetryAfterMs(header, now), () => r);
          return now + d.delayMs >= now + secs * 1000;
        },
      ),
    );
  });

  it("uses the backoff (reason backoff) when Retry-After is shorter or absent", () => {
    expect(nextDelay(3, 500, () => 0)).toEqual({ delayMs: 4_000, reason: "backoff" });
    expect(nextDelay(1, null, () => 0)).toEqual({ delayMs: 1_000, reason: "backoff" });
    expect(nextDelay(1, 7_000, () => 0)).toEqual({ delayMs: 7_000, reason: "retry_after" });
  });
});
