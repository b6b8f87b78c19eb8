import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideVerdict, type TRetryFacts } from "@/lib/investigation/retry-verdict";

const base: TRetryFacts = {
  state: "needs_attention",
  leaseActive: false,
  neverSent: false,
  insideWindow: true,
  payloadMatches: true,
  monoHasIt: "unknown",
};

describe("safe-to-retry verdict", () => {
  it("inside the window with the same payload → retry with the same key", () => {
    const v = decideVerdict(base);
    expect(v.code).toBe("retry_same_key");
    expect(v.allowed).toEqual(["retry_same_key", "reconcile"]);
    expect(decideVerdict({ ...base, monoHasIt: "no" }).allowed).toEqual([
      "retry_same_key",
      "reconcile",
      "mark_failed",
    ]);
  });

  it("Mono already has it → reconcile first (record as accepted), never retry or mark failed", () => {
    for (const insideWindow of [true, false]) {
      const v = decideVerdict({ ...base, insideWindow, monoHasIt: "yes" });
      expect(v.code).toBe("already_at_mono");
      expect(v.allowed).toEqual(["reconcile"]);
    }
  });

  it("outside the window → reconcile first; mark failed or resend only once Mono says it does not have it", () => {
    expect(decideVerdict({ ...base, insideWindow: false })).toMatchObject({
      code: "reconcile_first",
      allowed: ["reconcile"],
    });
    expect(decideVerdict({ ...base, insideWindow: false, monoHasIt: "no" })).toMatchObject({
      code: "reconcile_first",
      allowed: ["mark_failed", "retry_same_key", "reconcile"],
    });
  });

  it("a payload mismatch is never retried", () => {
    expect(decideVerdict({ ...base, payloadMatches: false })).toMatchObject({
      code: "payload_mismatch",
      allowed: ["reconcile"],
    });
  });

  it("a live lease means in flight; other states have nothing to recover", () => {
    expect(decideVerdict({ ...base, state: "sending", leaseActive: true })).toMatchObject({
      code: "in_flight",
      allowed: [],
    });
    expect(decideVerdict({ ...base, state: "sending" }).code).toBe("retry_same_key");
    expect(decideVerdict({ ...base, state: "settled" })).toMatchObject({
      code: "not_applicable",
      allowed: [],
    });
  });

  it("invariants over every combination of facts", () => {
    fc.assert(
      fc.property(
        fc.record({
          state: fc.constantFrom("needs_attention", "sending", "accepted", "approved", "failed"),
          leaseActive: fc.boolean(),
          neverSent: fc.boolean(),
          insideWindow: fc.boolean(),
          payloadMatches: fc.boolean(),
          monoHasIt: fc.constantFrom("yes" as const, "no" as const, "unknown" as const),
        }),
        (f) => {
          const v = decideVerdict(f);
          // Marking failed requires Mono to have confirmed it does not have the operation.
          if (v.allowed.includes("mark_failed")) expect(f.monoHasIt).toBe("no");
          // Never resend what Mono already has, nor a changed payload, nor while a send is in flight.
          if (v.allowed.includes("retry_same_key")) {
            expect(f.monoHasIt).not.toBe("yes");
            expect(f.payloadMatches).toBe(true);
            expect(f.state === "sending" && f.leaseActive).toBe(false);
            // Outside the window a resend relies on external_id, so Mono must have said "no".
            if (!f.insideWindow && !f.neverSent) expect(f.monoHasIt).toBe("no");
          }
          if (!["needs_attention", "sending"].includes(f.state)) expect(v.allowed).toEqual([]);
          expect(v.headline.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
