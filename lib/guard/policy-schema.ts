import { z } from "zod";

// The guard's settings (docs/DESIGN.md §6). Money is integer COP minor units (cents). Pure
// module: the Settings form, the server and the tests share it.
const ZMinor = z.number().int().nonnegative().max(1e15);

export const ZPolicySettings = z
  .strictObject({
    tiers: z.strictObject({
      noApprovalMax: ZMinor, // ≤ this: sent without approval
      oneApproverMax: ZMinor, // ≤ this: one approver other than the maker
      twoApproversMax: ZMinor, // ≤ this: two approvers + step-up; above: refused
    }),
    dailyCapPerOperator: ZMinor,
    duplicateWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 7),
    approvalExpiryDays: z.number().int().min(1).max(30),
    stepUpWindowMinutes: z.number().int().min(1).max(60),
    lowBalanceFloor: ZMinor, // approver context pack: balance after the payout vs this floor
    killSwitch: z.boolean(),
    // Fee schedule used for the balance pre-check and shown before submitting. Mono computes the
    // real fee; the operation records what Mono debited once it answers.
    fees: z.strictObject({
      payout: z.strictObject({
        co_ach: ZMinor,
        co_mono_turbo: ZMinor,
        co_transfiya: ZMinor,
        co_breb: ZMinor,
      }),
      transfer: z.strictObject({ ach: ZMinor, turbo: ZMinor, transfiya: ZMinor }),
      gmfPerThousand: z.number().int().min(0).max(100), // Colombia's 4×1000 financial transactions tax
    }),
  })
  .refine(
    (p) =>
      p.tiers.noApprovalMax <= p.tiers.oneApproverMax &&
      p.tiers.oneApproverMax <= p.tiers.twoApproversMax,
    {
      message: "Tiers must increase: no approval ≤ one approver ≤ two approvers",
      path: ["tiers"],
    },
  );
export type TPolicySettings = z.infer<typeof ZPolicySettings>;

const COP = 100; // minor units per peso
export const DEFAULT_POLICY: TPolicySettings = {
  tiers: {
    noApprovalMax: 1_000_000 * COP,
    oneApproverMax: 20_000_000 * COP,
    twoApproversMax: 200_000_000 * COP,
  },
  dailyCapPerOperator: 50_000_000 * COP,
  duplicateWindowHours: 24,
  approvalExpiryDays: 7,
  stepUpWindowMinutes: 5,
  lowBalanceFloor: 50_000_000 * COP,
  killSwitch: false,
  fees: {
    payout: {
      co_ach: 2_000 * COP,
      co_mono_turbo: 3_000 * COP,
      co_transfiya: 1_000 * COP,
      co_breb: 0,
    },
    transfer: { ach: 2_000 * COP, turbo: 3_000 * COP, transfiya: 1_000 * COP },
    gmfPerThousand: 4,
  },
};
