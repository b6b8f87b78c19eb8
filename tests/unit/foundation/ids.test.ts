import fc from "fast-check";
import KSUID from "ksuid";
import { describe, expect, it } from "vitest";
import { newId, newRequestId } from "@/lib/ids";
import { randomIdBytes } from "@/lib/random-pool";

describe("randomIdBytes", () => {
  it("never hands out the same bytes twice, across pool refills", () => {
    // Sizes up to and past the 4 KiB pool: views must not overlap, within a pool or after a refill.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 40 }), (sizes) => {
        const views = sizes.map((n) => randomIdBytes(n));
        views.forEach((v, i) => expect(v.length).toBe(sizes[i]));
        for (let i = 1; i < views.length; i++) {
          const a = views[i - 1];
          const b = views[i];
          const disjoint =
            a.buffer !== b.buffer ||
            a.byteOffset + a.length <= b.byteOffset ||
            b.byteOffset + b.length <= a.byteOffset;
          expect(disjoint).toBe(true);
        }
      }),
    );
  });
});

describe("newId", () => {
  it("has Mono's shape and does not repeat", () => {
    const ids = Array.from({ length: 20_000 }, () => newId("call"));
    for (const id of ids) expect(id).toMatch(/^call_[0-9A-Za-z]{22}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws every base-62 character about equally often (no modulo bias)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) {
      for (const c of newId("x").slice(2)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 110,000 characters / 62 ≈ 1,774 each; a 4/256 bias toward the first 8 would add ~28 %.
    for (const n of counts.values()) expect(Math.abs(n - 1_774)).toBeLessThan(250);
  });
});

describe("newRequestId", () => {
  it("is a KSUID of the current second, unique, with the req_ prefix", () => {
    const before = Math.floor(Date.now() / 1000);
    const ids = Array.from({ length: 10_000 }, () => newRequestId());
    const after = Math.floor(Date.now() / 1000);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^req_[0-9A-Za-z]{27}$/);
      const seconds = Math.floor(KSUID.parse(id.slice(4)).date.getTime() / 1000);
      expect(seconds).toBeGreaterThanOrEqual(before);
      expect(seconds).toBeLessThanOrEqual(after);
    }
  });
});
