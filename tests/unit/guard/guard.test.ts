import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluateTier } from "@/lib/guard/evaluate-tier";
import { estimateFee } from "@/lib/guard/estimate-fees";
import { startOfBogotaDay } from "@/lib/guard/bogota-day";
import { DEFAULT_POLICY, ZPolicySettings } from "@/lib/guard/policy-schema";
import { fingerprintOf, payoutRequest } from "@/lib/operations/build-mono-request";
import { maskDigits } from "@/lib/operations/mask";

const P = DEFAULT_POLICY;

describe("amount tiers", () => {
  it("are monotonic in the amount (property)", () => {
    const rank = { none: 0, one_approver: 1, two_approvers: 2, refused: 3 } as const;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return rank[evaluateTier(lo, P).kind] <= rank[evaluateTier(hi, P).kind];
        },
      ),
    );
  });
  it("switch exactly one cent above each boundary", () => {
    for (const [max, below, above] of [
      [P.tiers.noApprovalMax, "none", "one_approver"],
      [P.tiers.oneApproverMax, "one_approver", "two_approvers"],
      [P.tiers.twoApproversMax, "two_approvers", "refused"],
    ] as const) {
      expect(evaluateTier(BigInt(max), P).kind).toBe(below);
      expect(evaluateTier(BigInt(max) + 1n, P).kind).toBe(above);
    }
    expect(evaluateTier(BigInt(P.tiers.oneApproverMax) + 1n, P)).toMatchObject({
      requiredApprovals: 2,
      stepUp: true,
    });
  });
});

describe("fees", () => {
  it("adds the rail's fixed fee and GMF 4×1000, rounded half up", () => {
    expect(estimateFee(299_000_00n, { payout: "co_ach" }, P)).toBe(2_000_00n + 1_196_00n);
    expect(estimateFee(125n, { payout: "co_breb" }, P)).toBe(1n); // 0.5 cent rounds up
    expect(estimateFee(124n, { payout: "co_breb" }, P)).toBe(0n);
  });
  it("never decrease as the amount grows (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        (a) =>
          estimateFee(a + 1n, { transfer: "ach" }, P) >= estimateFee(a, { transfer: "ach" }, P),
      ),
    );
  });
});

describe("Bogotá day", () => {
  it("starts at 05:00 UTC", () => {
    expect(startOfBogotaDay(new Date("2026-11-22T04:59:59Z")).toISOString()).toBe(
      "2026-11-21T05:00:00.000Z",
    );
    expect(startOfBogotaDay(new Date("2026-11-22T05:00:00Z")).toISOString()).toBe(
      "2026-11-22T05:00:00.000Z",
    );
  });
});

describe("policy settings", () => {
  it("refuse tiers that do not increase, and unknown fields", () => {
    expect(ZPolicySettings.safeParse(P).success).toBe(true);
    expect(
      ZPolicySettings.safeParse({
        ...P,
        tiers: { ...P.tiers, noApprovalMax: P.tiers.oneApproverMax + 1 },
      }).success,
    ).toBe(false);
    expect(ZPolicySettings.safeParse({ ...P, extra: 1 }).success).toBe(false);
  });
});

describe("payload fingerprint", () => {
  const input = {
    sourceAccountId: "lacc_4PagosProveedores9aBcD",
    method: "co_ach" as const,
    amount: 100,
    beneficiary: {
      bankCode: "1007",
      accountType: "savings_account" as const,
      accountNumber: "12345678",
      name: "A",
      documentType: "CC" as const,
      documentNumber: "123456",
    },
  };
  it("is stable for the same payload and changes with any money field", () => {
    const a = fingerprintOf(payoutRequest(input, "ext-1", "op_1"));
    expect(fingerprintOf(payoutRequest({ ...input }, "ext-1", "op_1"))).toBe(a);
    expect(fingerprintOf(payoutRequest({ ...input, amount: 101 }, "ext-1", "op_1"))).not.toBe(a);
    expect(
      fingerprintOf(
        payoutRequest(
          { ...input, beneficiary: { ...input.beneficiary, accountNumber: "12345679" } },
          "ext-1",
          "op_1",
        ),
      ),
    ).not.toBe(a);
  });
});

describe("masking", () => {
  it("shows only the last digits (property)", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{5,20}$/),
        (s) => maskDigits(s).replace(/•/g, "") === s.slice(-4),
      ),
    );
  });
});
