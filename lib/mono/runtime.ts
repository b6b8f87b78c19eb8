import "server-only";
import type { Dispatcher } from "undici";
import { logger as defaultLogger } from "@/lib/logger";
import { DEFAULT_BACKOFF, type TBackoffPolicy, type TRandom } from "./backoff";
import {
  DEFAULT_BREAKER,
  MonoBreaker,
  type TBreakerChange,
  type TBreakerOptions,
  type TBreakerState,
} from "./breaker";
import { DEFAULT_CACHE_TTLS, MonoCache, type TCacheTtls } from "./cache";
import { keyAgeDays } from "./config";
import { createDispatcher } from "./http";
import { Limiter } from "./limiter";
import { createRedactor } from "./redact";
import type { TRequestLogSink } from "./request-log";
import { pgRequestLogSink } from "./request-log-pg";
import { DEFAULT_RETRY_BUDGET, RetryBudget, type TRetryBudgetOptions } from "./retry-budget";
import type { TLogSink } from "./attempt-record";
import type { TTransportDeps } from "./transport";

// Builds the moving parts of one client instance from its options. Every default is the one
// docs/DESIGN.md §5 gives (P11–P20); tests shrink timeouts and delays through the same options.

export type TMonoClientOptions = {
  baseUrl: string;
  apiKey: string;
  batchApiKey?: string | null;
  keyIssuedAt?: string | null;
  timeouts?: Partial<{ connectMs: number; responseMs: number; totalMs: number }>;
  backoff?: Partial<TBackoffPolicy>;
  retryBudget?: Partial<TRetryBudgetOptions>;
  breaker?: Partial<TBreakerOptions>;
  maxInFlight?: number; // default 10 (docs/DESIGN.md P19)
  maxInFlightBatch?: number; // default half of maxInFlight
  cacheTtls?: Partial<TCacheTtls>;
  requestLog?: TRequestLogSink; // default: pgRequestLogSink (group commit into RequestLog)
  logger?: TLogSink; // default: lib/logger (pino with redaction)
  random?: TRandom;
  /** Called on every breaker transition; the lead wires lib/audit here (see docs/MONO-CLIENT.md). */
  onBreakerStateChange?: (change: TBreakerChange) => void;
  maxStoredBodyBytes?: number; // default 64 KiB per stored body
  /** undici interceptors composed onto the client's Agent (a proxy, tracing; tests inject faults). */
  interceptors?: Dispatcher.DispatcherComposeInterceptor[];
};

export type TMonoHealth = {
  breaker: TBreakerState;
  budget: { available: number; capacity: number };
  inFlight: number;
  queued: number;
};

export type TMonoRuntime = {
  deps: TTransportDeps;
  cache: MonoCache;
  health(): TMonoHealth;
  keyAgeDays(now?: Date): number | null;
};

export function createMonoRuntime(o: TMonoClientOptions): TMonoRuntime {
  if (!o.apiKey) throw new Error("Mono client needs an API key");
  const logger: TLogSink = o.logger ?? defaultLogger;
  const maxInFlight = o.maxInFlight ?? 10;
  const shared = new Limiter(maxInFlight);
  const batchOnly = new Limiter(
    Math.min(maxInFlight, o.maxInFlightBatch ?? Math.max(1, Math.floor(maxInFlight / 2))),
  );
  const budget = new RetryBudget({ ...DEFAULT_RETRY_BUDGET, ...o.retryBudget });
  const breaker = new MonoBreaker({ ...DEFAULT_BREAKER, ...o.breaker }, (change) => {
    // A breaker opening is an incident: logged here, audited by the hook's owner.
    const level = change.to === "open" ? "error" : "warn";
    logger[level]({ breaker: change }, `mono.breaker.${change.to}`);
    o.onBreakerStateChange?.(change);
  });
  const timeouts = { connectMs: 5_000, responseMs: 30_000, totalMs: 60_000, ...o.timeouts };
  const deps: TTransportDeps = {
    baseUrl: o.baseUrl,
    keys: { interactive: o.apiKey, batch: o.batchApiKey ?? null },
    dispatcher: createDispatcher(timeouts, Math.max(maxInFlight, 16)).compose(o.interceptors ?? []),
    totalTimeoutMs: timeouts.totalMs,
    backoff: { ...DEFAULT_BACKOFF, ...o.backoff },
    random: o.random ?? Math.random,
    budget,
    breaker,
    limiters: { interactive: [shared], batch: [batchOnly, shared] },
    sink: o.requestLog ?? pgRequestLogSink(),
    redactor: createRedactor([o.apiKey, o.batchApiKey ?? ""]),
    logger,
    maxStoredBodyBytes: o.maxStoredBodyBytes ?? 64 * 1024,
  };
  return {
    deps,
    cache: new MonoCache({ ...DEFAULT_CACHE_TTLS, ...o.cacheTtls }),
    health: () => ({
      breaker: breaker.state,
      budget: { available: budget.available, capacity: budget.capacity },
      inFlight: shared.inFlight,
      queued: shared.queued + batchOnly.queued,
    }),
    keyAgeDays: (now) => keyAgeDays(o.keyIssuedAt ?? null, now),
  };
}
