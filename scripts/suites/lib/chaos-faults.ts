// The fault mixes of the chaos and crash suites (sandbox per-run fault text, docs/SANDBOX.md).
// Chaos: 30 % of Mono calls (reads and writes) get an action fault — 429 with Retry-After: 1,
// 5xx before and after the commit, connection resets before and after the commit, hangs of
// 2.5 s (the suites set MONO_TIMEOUT_RESPONSE_MS=2000, so a hang ends in a client timeout) — plus
// 10 % extra latency of 300 ms; 30 % of webhooks are delivered twice and 30 % out of order.
export const CHAOS_FAULTS = (seed: number) =>
  `429=0.06,5xx=0.06,5xx_after_commit=0.06,reset=0.04,reset_after_commit=0.04,hang=0.04,latency=0.1,latency_ms=300,retry_after=1,hang_ms=2500,` +
  `webhook_duplicate=0.3,webhook_reorder=0.3,apply_to=all,seed=${seed}`;

// Crash: latency on half the writes keeps Mono calls in flight, so kills land mid-call; light faults on top.
export const CRASH_FAULTS =
  "latency=0.5,latency_ms=400,5xx_after_commit=0.05,reset_after_commit=0.05,429=0.05,retry_after=1,webhook_duplicate=0.2,webhook_reorder=0.2,apply_to=writes";
