// "Safe to retry?" as a pure decision over facts, so every branch is unit-tested without Mono.
// safe-to-retry.ts gathers the facts; the recovery actions re-check them before acting.

export const RECOVERY_ACTIONS = ["retry_same_key", "reconcile", "mark_failed"] as const;
export type TRecoveryAction = (typeof RECOVERY_ACTIONS)[number];

export type TRetryFacts = {
  state: string;
  leaseActive: boolean;
  neverSent: boolean;
  insideWindow: boolean; // Mono's 24 h idempotency window, from the first send
  payloadMatches: boolean; // the stored body matches its fingerprint and every body logged for the key
  monoHasIt: "yes" | "no" | "unknown";
};

export const VERDICT_CODES = [
  "not_applicable",
  "in_flight",
  "already_at_mono",
  "payload_mismatch",
  "retry_same_key",
  "reconcile_first",
] as const;
export type TVerdictCode = (typeof VERDICT_CODES)[number];
// `headline` and `why` are English (API consumers, logs); the browser words `code` with `params`
// (the "investigation" catalogue, recovery.verdicts.<code>): `state` for not_applicable, and for
// retry_same_key and reconcile_first `mono` ("no": Mono said it does not have it; "unknown": Mono
// could not be asked).
export type TVerdictParams = { state?: string; mono?: "no" | "unknown" };
export type TVerdict = {
  code: TVerdictCode;
  params: TVerdictParams;
  headline: string;
  why: string;
  allowed: TRecoveryAction[];
};

export const RECOVERABLE_STATES = ["needs_attention", "sending"] as const;

export function decideVerdict(f: TRetryFacts): TVerdict {
  if (!(RECOVERABLE_STATES as readonly string[]).includes(f.state)) {
    return {
      code: "not_applicable",
      params: { state: f.state },
      headline: "Nothing to recover",
      why: `The operation is ${f.state}: only operations in needs_attention or stuck in sending are recovered by hand.`,
      allowed: [],
    };
  }
  if (f.state === "sending" && f.leaseActive) {
    return {
      code: "in_flight",
      params: {},
      headline: "In flight: wait",
      why: "A console instance holds the send lease right now. Wait for it to finish or for the lease to expire (90 s).",
      allowed: [],
    };
  }
  const markFailed: TRecoveryAction[] = f.monoHasIt === "no" ? ["mark_failed"] : [];
  if (f.monoHasIt === "yes") {
    return {
      code: "already_at_mono",
      params: {},
      headline: "Reconcile first: Mono already has it",
      why: "Mono has an object with this operation's external_id. Record it as accepted (Reconcile); never send it again and never mark it failed.",
      allowed: ["reconcile"],
    };
  }
  if (!f.payloadMatches) {
    return {
      code: "payload_mismatch",
      params: {},
      headline: "Do not retry: the payload differs",
      why: "The body stored for this key no longer matches what was sent (see the key inspector's diff). Mono would refuse it (409) inside the window, or treat it as new outside it.",
      allowed: ["reconcile", ...markFailed],
    };
  }
  if (f.neverSent || f.insideWindow) {
    const unknown =
      f.monoHasIt === "unknown"
        ? " Mono could not be asked just now; inside the window that does not matter: the key makes a retry safe."
        : " Mono does not have it (checked by external_id).";
    return {
      code: "retry_same_key",
      params: { mono: f.monoHasIt === "unknown" ? "unknown" : "no" },
      headline: "Safe to retry with the same key",
      why: `Inside Mono's 24 h idempotency window with the same payload: Mono answers a repeat of this key with the original if it had it, so a retry can never pay twice.${unknown}`,
      allowed: ["retry_same_key", "reconcile", ...markFailed],
    };
  }
  if (f.monoHasIt === "no") {
    return {
      code: "reconcile_first",
      params: { mono: "no" },
      headline: "Outside the window: Mono does not have it",
      why: "Mono's 24 h key window has passed, and the lookup by external_id found nothing. Mark it failed, or resend: the external_id still makes Mono refuse a second copy.",
      allowed: ["mark_failed", "retry_same_key", "reconcile"],
    };
  }
  return {
    code: "reconcile_first",
    params: { mono: "unknown" },
    headline: "Reconcile first",
    why: "Mono's 24 h key window has passed and Mono could not be asked. Look it up by external_id (Reconcile) before deciding anything.",
    allowed: ["reconcile"],
  };
}

/** What a recovery action refused by the fresh verdict answers (English; the browser words it as
 * recovery.notAllowed with the verdict's headline in the person's language). */
export function notAllowedText(v: Pick<TVerdict, "headline">): string {
  return `Not allowed now: ${v.headline}`;
}
