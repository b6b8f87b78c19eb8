import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { rowsArg } from "@/bench/lib/rows-arg";

describe("bench --rows", () => {
  it("reads --rows N, a bare first argument, suffixes and underscores", () => {
    expect(rowsArg(7, ["--rows", "30000000"])).toBe(30_000_000);
    expect(rowsArg(7, ["--rows", "30M"])).toBe(30_000_000);
    expect(rowsArg(7, ["--rows", "1_000_000"])).toBe(1_000_000);
    expect(rowsArg(7, ["250k"])).toBe(250_000);
    expect(rowsArg(7, ["--rows", "1e6"])).toBe(1_000_000);
    expect(rowsArg(7, [])).toBe(process.env.BENCH_ROWS ? Number(process.env.BENCH_ROWS) : 7);
  });

  it("refuses what is not a positive count", () => {
    for (const bad of ["0", "-5", "abc", "M"]) expect(() => rowsArg(7, ["--rows", bad])).toThrow();
  });

  it("round-trips any positive integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => rowsArg(7, ["--rows", String(n)]) === n),
    );
  });
});
