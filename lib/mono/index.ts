import "server-only";
import { env } from "@/lib/env";
import { MonoClient } from "./client";
import { monoConfigFromEnv } from "./config";
import type { TCacheKind } from "./cache";
import type { TBreakerChange } from "./breaker";
import type { TMonoHealth } from "./runtime";

// The entry point the rest of the console uses: one client per process, configured from the
// validated environment. Production without its Mono variables refuses here (MonoConfigError
// lists what is missing) — and lib/env already refuses at start-up.

export { MonoClient, assertIdempotencyKey, type TReadOptions, type TWriteOptions } from "./client";
export type { TMonoClientOptions, TMonoHealth } from "./runtime";
export type { TBreakerChange, TBreakerState } from "./breaker";
export type { TCallOptions, TTraffic } from "./transport";
export type { TCacheKind } from "./cache";
export * from "./errors";
export {
  monoConfigFromEnv,
  keyAgeDays,
  KEY_AGE_WARN_DAYS,
  KEY_AGE_MAX_DAYS,
  type TMonoConfig,
} from "./config";
export {
  statusClassOf,
  type TRequestLogRow,
  type TRequestLogSink,
  type TStatusClass,
} from "./request-log";

type TSingletonHooks = { onBreakerStateChange?: (change: TBreakerChange) => void };
const g = globalThis as unknown as { __monoClient?: MonoClient; __monoHooks?: TSingletonHooks };

/**
 * Registers the breaker hook for the singleton (the lead wires lib/audit's recordAudit here at
 * start-up). Safe to call before or after the client is first used.
 */
export function setMonoHooks(hooks: TSingletonHooks): void {
  g.__monoHooks = hooks;
}

export function getMonoClient(): MonoClient {
  if (g.__monoClient) return g.__monoClient;
  const cfg = monoConfigFromEnv(env);
  g.__monoClient = new MonoClient({
    baseUrl: cfg.baseUrl,
    apiKey: cfg.apiKey,
    batchApiKey: cfg.batchApiKey,
    keyIssuedAt: cfg.keyIssuedAt,
    timeouts: cfg.timeouts,
    maxInFlight: cfg.maxInFlight,
    maxInFlightBatch: cfg.maxInFlightBatch,
    onBreakerStateChange: (change) => g.__monoHooks?.onBreakerStateChange?.(change),
  });
  return g.__monoClient;
}

export function getMonoHealth(): TMonoHealth {
  return getMonoClient().health();
}

/** For webhook handlers: a transfer settled → invalidate that account's balance (and transfers). */
export function invalidateMonoCache(target: { kind: TCacheKind; id?: string }): number {
  return getMonoClient().invalidateCache(target.kind, target.id);
}

/** Days since the key was issued, for the 80/90-day rotation warning (docs/DESIGN.md P10). */
export function getKeyAge(now?: Date): number | null {
  return getMonoClient().keyAgeDays(now);
}
