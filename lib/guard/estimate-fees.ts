import type { TPolicySettings } from "./policy-schema";

export type TFeeRail =
  | { payout: keyof TPolicySettings["fees"]["payout"] }
  | { transfer: keyof TPolicySettings["fees"]["transfer"] };

// Fee per movement: the rail's fixed fee plus GMF (4×1000) on the amount, rounded half up, as the
// sandbox and Mono's Core payouts compute them. For a batch, call once per row and add.
export function estimateFee(amountMinor: bigint, rail: TFeeRail, policy: TPolicySettings): bigint {
  const fixed =
    "payout" in rail ? policy.fees.payout[rail.payout] : policy.fees.transfer[rail.transfer];
  const gmf = (amountMinor * BigInt(policy.fees.gmfPerThousand) * 2n + 1000n) / 2000n; // round half up
  return BigInt(fixed) + gmf;
}
