import "server-only";
import { raiseAlert, type TRaiseResult } from "../alerts/raise-alert";
import { resolveCleared } from "../alerts/resolve-alerts";
import type { TAlertRule, TAlertSignal } from "../alerts/rules";

// Rules raised by webhook processing: a final state Mono corrected after the fact, and operations
// past their rail's time with no webhook. They go through the alerts engine's own raise/resolve
// (fold on rule:subject, advisory lock); the engine never auto-resolves them because no
// evaluator family owns these rules.
export type TWebhookAlertRule = Extract<TAlertRule, "final_state_correction" | "webhook_gap">;

const asRule = (r: TWebhookAlertRule): TAlertRule => r;

export function raiseWebhookAlert(
  s: Omit<TAlertSignal, "rule"> & { rule: TWebhookAlertRule },
  now?: Date,
): Promise<TRaiseResult> {
  return raiseAlert({ ...s, rule: asRule(s.rule) }, now);
}

/** Resolves the rule's open alerts whose fold key is not in `active` (the condition cleared). */
export function resolveWebhookAlerts(
  rule: TWebhookAlertRule,
  active: ReadonlySet<string>,
  now?: Date,
): Promise<number> {
  return resolveCleared([asRule(rule)], active, now);
}
