// Alert rules and the signal an evaluator emits when a rule's condition holds. Pure module.

export const ALERT_RULES = [
  "balance_warning",
  "balance_critical",
  "error_rate",
  "storm_429",
  "breaker_open",
  "webhook_silence",
  "key_age",
  "reconciliation_critical",
  "signature_failures",
  "final_state_correction", // raised by webhook processing (lib/webhooks)
  "webhook_gap", // raised by the webhook gap detector
] as const;
export type TAlertRule = (typeof ALERT_RULES)[number];
export type TSeverity = "critical" | "warning" | "info";
export type TAlertState = "open" | "acknowledged" | "resolved";
export const ALERT_STATES: readonly TAlertState[] = ["open", "acknowledged", "resolved"];

/** A condition that holds now. `subject` tells instances of one rule apart (an account id). */
export type TAlertSignal = {
  rule: TAlertRule;
  subject: string;
  severity: TSeverity;
  title: string;
  details: Record<string, string | number | boolean | null>;
};

/** Signals with the same fold key are one alert while it is not resolved (duplicates fold). */
export function foldKeyOf(s: Pick<TAlertSignal, "rule" | "subject">): string {
  return `${s.rule}:${s.subject}`;
}

const RANK: Record<TSeverity, number> = { info: 0, warning: 1, critical: 2 };
export function moreSevere(a: TSeverity, b: TSeverity): TSeverity {
  return RANK[a] >= RANK[b] ? a : b;
}
