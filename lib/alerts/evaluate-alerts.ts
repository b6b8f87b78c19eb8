import "server-only";
import { logger } from "../logger";
import { raiseAlert } from "./raise-alert";
import { resolveCleared } from "./resolve-alerts";
import { foldKeyOf, type TAlertRule, type TAlertSignal } from "./rules";
import { evaluateBalances } from "./evaluate-balances";
import { evaluateTraffic } from "./evaluate-traffic";
import {
  evaluateBreaker,
  evaluateKeyAge,
  evaluateReconciliation,
  evaluateSignatureFailures,
  evaluateWebhookSilence,
} from "./evaluate-health";

// Runs rule families: each family's signals are raised (opened or folded) and the family's other
// alerts resolved. A family that throws (Mono not configured, a query failed) changes nothing.

export type TFamily = {
  name: string;
  rules: readonly TAlertRule[];
  evaluate: (now: Date) => Promise<TAlertSignal[]> | TAlertSignal[];
};

export const BALANCE_FAMILY: TFamily = {
  name: "balances",
  rules: ["balance_warning", "balance_critical"],
  evaluate: evaluateBalances,
};

export const HEALTH_FAMILIES: TFamily[] = [
  { name: "traffic", rules: ["error_rate", "storm_429"], evaluate: evaluateTraffic },
  { name: "breaker", rules: ["breaker_open"], evaluate: () => evaluateBreaker() },
  { name: "key_age", rules: ["key_age"], evaluate: evaluateKeyAge },
  { name: "webhook_silence", rules: ["webhook_silence"], evaluate: evaluateWebhookSilence },
  {
    name: "reconciliation",
    rules: ["reconciliation_critical"],
    evaluate: () => evaluateReconciliation(),
  },
  { name: "signatures", rules: ["signature_failures"], evaluate: evaluateSignatureFailures },
];

export type TEvaluation = { opened: number; folded: number; resolved: number; failed: string[] };

export async function runFamilies(
  families: TFamily[],
  now: Date = new Date(),
): Promise<TEvaluation> {
  const out: TEvaluation = { opened: 0, folded: 0, resolved: 0, failed: [] };
  for (const f of families) {
    let signals: TAlertSignal[];
    try {
      signals = await f.evaluate(now);
    } catch (err) {
      logger.warn({ err, family: f.name }, "alert rule evaluation failed");
      out.failed.push(f.name);
      continue;
    }
    for (const s of signals) {
      const r = await raiseAlert(s, now);
      if (r.created) out.opened++;
      else out.folded++;
    }
    out.resolved += await resolveCleared(f.rules, new Set(signals.map(foldKeyOf)), now);
  }
  return out;
}
