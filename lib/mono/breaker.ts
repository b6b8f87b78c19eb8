import "server-only";
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhenResult,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { MonoCircuitOpenError } from "./errors";

// The circuit breaker around every attempt (cockatiel, not hand-rolled: docs/DESIGN.md §2). After N
// consecutive failed attempts it opens and the client fails fast without sending; after
// `halfOpenAfterMs` one probe goes through (half-open); its success closes the circuit, its
// failure re-opens it. Only signs that Mono is unwell count: network errors, 408 and 5xx. A 4xx is
// a healthy Mono telling us no, and a 429 is handled by Retry-After, not by tripping the breaker.

export type TBreakerState = "closed" | "open" | "half_open";
export type TBreakerOptions = { consecutiveFailures: number; halfOpenAfterMs: number };
export const DEFAULT_BREAKER: TBreakerOptions = { consecutiveFailures: 5, halfOpenAfterMs: 30_000 };

export type TBreakerChange = {
  from: TBreakerState;
  to: TBreakerState;
  at: Date;
  lastFailure: string | null;
};

/** What an attempt returns to the breaker: it never throws, it reports. */
export type TBreakerVerdict = { breakerFailure: boolean; summary: string };

function toState(s: CircuitState): TBreakerState {
  switch (s) {
    case CircuitState.Closed:
      return "closed";
    case CircuitState.HalfOpen:
      return "half_open";
    case CircuitState.Open:
    case CircuitState.Isolated:
      return "open";
  }
}

export class MonoBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private current: TBreakerState = "closed";
  private lastFailure: string | null = null;

  constructor(
    options: TBreakerOptions = DEFAULT_BREAKER,
    onChange?: (change: TBreakerChange) => void,
  ) {
    this.policy = circuitBreaker(
      handleWhenResult((r) => (r as TBreakerVerdict).breakerFailure),
      {
        halfOpenAfter: options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(options.consecutiveFailures),
      },
    );
    this.policy.onStateChange((s) => {
      const to = toState(s);
      const change: TBreakerChange = {
        from: this.current,
        to,
        at: new Date(),
        lastFailure: this.lastFailure,
      };
      this.current = to;
      // A broken hook (say, the audit insert failing) must not break the request that tripped it.
      try {
        onChange?.(change);
      } catch {
        /* reported by the hook's owner */
      }
    });
  }

  get state(): TBreakerState {
    return this.current;
  }

  /** Runs one attempt through the breaker; throws MonoCircuitOpenError when it refuses to send. */
  async run<T extends TBreakerVerdict>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(async () => {
        const verdict = await attempt();
        if (verdict.breakerFailure) this.lastFailure = verdict.summary;
        return verdict;
      });
    } catch (err) {
      if (err instanceof BrokenCircuitError || err instanceof IsolatedCircuitError)
        throw new MonoCircuitOpenError();
      throw err;
    }
  }
}
