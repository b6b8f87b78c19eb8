import "server-only";
import { getPolicy } from "../guard/get-policy";
import { evaluateTier } from "../guard/evaluate-tier";
import { estimateFee } from "../guard/estimate-fees";
import { RAILS, type TRail } from "./rails";

// The guard's verdict before submitting (the server still decides again on submit).
export async function previewOperation(q: { amount: number; rail: TRail; rows: number }) {
  const { version, settings } = await getPolicy();
  const amount = BigInt(q.amount);
  const rail = q.rail.startsWith("co_")
    ? { payout: q.rail as "co_ach" }
    : { transfer: q.rail as "ach" };
  // For a batch the amount is the total: the fee is estimated per row on the average row.
  const perRow = amount / BigInt(q.rows);
  const fee = estimateFee(perRow, rail, settings) * BigInt(q.rows);
  return {
    policyVersion: version,
    tier: evaluateTier(amount, settings),
    fee,
    total: amount + fee,
    expectedTime: RAILS[q.rail].expected,
    killSwitch: settings.killSwitch,
  };
}
