import "server-only";

// The retry schedule of docs/DESIGN.md P13 and P14 as pure functions, so the exact
// sequence, the cap, the jitter bounds and the Retry-After rule are unit-testable with an
// injected random source and clock.

export type TBackoffPolicy = {
  baseMs: number; // first retry waits this long (P13: 1 s)
  capMs: number; // the exponential part never exceeds this (P13: 30 s)
  jitterMs: number; // plus uniform [0, jitterMs) (P13: 0–500 ms)
  maxRetries: number; // retries after the first attempt (P13: 5)
};

export const DEFAULT_BACKOFF: TBackoffPolicy = {
  baseMs: 1_000,
  capMs: 30_000,
  jitterMs: 500,
  maxRetries: 5,
};

export type TRandom = () => number; // [0, 1), like Math.random

export type TDelayDecision = { delayMs: number; reason: "backoff" | "retry_after" };

/** Exponential part for the n-th retry (1-based): base, 2·base, 4·base, … capped. */
export function exponentialMs(retry: number, policy: TBackoffPolicy = DEFAULT_BACKOFF): number {
  if (retry < 1) return 0;
  // 2 ** 40 is already far past any cap; clamping the exponent avoids Infinity for silly inputs.
  const raw = policy.baseMs * 2 ** Math.min(retry - 1, 40);
  return Math.min(raw, policy.capMs);
}

/** Capped exponential delay plus jitter. The cap applies before jitter, so the worst case is cap + jitter. */
export function backoffMs(
  retry: number,
  random: TRandom = Math.random,
  policy: TBackoffPolicy = DEFAULT_BACKOFF,
): number {
  const r = Math.min(Math.max(random(), 0), 0.999_999);
  return exponentialMs(retry, policy) + Math.floor(r * policy.jitterMs);
}

/**
 * Retry-After as milliseconds from `nowMs`: delta-seconds ("120", also "1.5") or an HTTP date.
 * A date in the past means "now" (0). Anything unparseable is ignored (null): a garbled header must
 * not stall or crash the client, and the normal backoff still applies.
 */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (v === "") return null;
  if (/^\d+(\.\d+)?$/.test(v)) {
    const seconds = Number(v);
    return Number.isFinite(seconds) ? Math.ceil(seconds * 1000) : null;
  }
  // Only accept things that look like an HTTP date; Date.parse alone accepts "1" or "2024".
  if (!/[A-Za-z]{3}/.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before retry number `retry`. Retry-After is authoritative: the result is never shorter
 * than it. Without it (or when it is shorter than our own backoff) the jittered backoff applies,
 * which keeps lockstep clients apart even when Mono says "retry after 0".
 */
export function nextDelay(
  retry: number,
  retryAfterMs: number | null,
  random: TRandom = Math.random,
  policy: TBackoffPolicy = DEFAULT_BACKOFF,
): TDelayDecision {
  const backoff = backoffMs(retry, random, policy);
  if (retryAfterMs != null && retryAfterMs >= backoff)
    return { delayMs: retryAfterMs, reason: "retry_after" };
  return { delayMs: backoff, reason: "backoff" };
}
