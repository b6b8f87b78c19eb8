import type { TPolicySettings } from "./policy-schema";

export type TTier =
  | {
      kind: "none" | "one_approver" | "two_approvers";
      requiredApprovals: 0 | 1 | 2;
      stepUp: boolean;
    }
  | { kind: "refused"; requiredApprovals: null; stepUp: false };

// Amount tiers (docs/DESIGN.md §6): boundaries are inclusive on the lower tier — exactly
// COP 1,000,000 needs no approval, one cent more needs one approver.
export function evaluateTier(amountMinor: bigint, policy: TPolicySettings): TTier {
  const t = policy.tiers;
  if (amountMinor <= BigInt(t.noApprovalMax))
    return { kind: "none", requiredApprovals: 0, stepUp: false };
  if (amountMinor <= BigInt(t.oneApproverMax))
    return { kind: "one_approver", requiredApprovals: 1, stepUp: false };
  if (amountMinor <= BigInt(t.twoApproversMax))
    return { kind: "two_approvers", requiredApprovals: 2, stepUp: true };
  return { kind: "refused", requiredApprovals: null, stepUp: false };
}
