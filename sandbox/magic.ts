// Magic document numbers (docs/SANDBOX.md "Magic document numbers") decide how a simulated
// transfer or payout ends.
// The same table drives Banking transfers (by `routing`) and Core payouts (by `method`).
import type { TMonoDeclinationReason, TMonoRouting } from "../lib/mono/contract";

export type TOutcome = { approved: true } | { approved: false; reason: TMonoDeclinationReason };

const OK: TOutcome = { approved: true };

export function outcomeFor(rail: TMonoRouting, documentNumber: string): TOutcome {
  const d = documentNumber.trim();
  if (rail === "ach") {
    if (d.startsWith("888") && d.endsWith("000"))
      return { approved: false, reason: "declined_by_origin_bank" };
    if (d.startsWith("999") && d.endsWith("000"))
      return { approved: false, reason: "declined_by_destination_bank" };
    return OK;
  }
  if (rail === "turbo") {
    if (d.startsWith("777") && d.endsWith("000"))
      return { approved: false, reason: "global_limit_exceeded" };
    if ((d.startsWith("777") && d.endsWith("111")) || (d.startsWith("111") && d.endsWith("000"))) {
      return { approved: false, reason: "insufficient_funds" };
    }
    return OK;
  }
  return OK;
}

/** How long a rail takes to settle, in Mono time (ms), before timeScale. */
export function settleDelayMs(rail: TMonoRouting, documentNumber: string): number {
  if (rail === "ach") {
    // "Declined by destination bank … sandbox about 2 minutes"
    const d = documentNumber.trim();
    return d.startsWith("999") && d.endsWith("000") ? 120_000 : 30_000;
  }
  return 5_000;
}
