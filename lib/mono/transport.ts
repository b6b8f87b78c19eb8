import "server-only";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { newRequestId } from "@/lib/ids";
import { runAttempt, type TAttemptOutcome } from "./attempt";
import { buildRow, logAttempt, recordAttempt, type TLogSink } from "./attempt-record";
import { nextDelay, type TBackoffPolicy, type TRandom } from "./backoff";
import type { MonoBreaker } from "./breaker";
import { attemptHeaders, planCall } from "./call-plan";
import { MonoCircuitOpenError, MonoNetworkError, type MonoError, type TStopReason } from "./errors";
import { budgetKind, errorCodeOf, retryAfterOf, stopReasonFor } from "./retry-policy";
import { holding, sleep, type Limiter } from "./limiter";
import type { TQuery } from "./query";
import type { TRedactor } from "./redact";
import type { TRequestLogSink } from "./request-log";
import type { RetryBudget } from "./retry-budget";

// The retry loop: every logical call gets one call id, one trace id, one body and one idempotency
// key; every attempt gets its own request id and span id, passes the concurrency limit and the
// breaker, and is written to the request log before anything else happens (retry or return).

export type TTraffic = "interactive" | "batch";
export type TCallOptions = {
  operationId?: string;
  traffic?: TTraffic;
  signal?: AbortSignal;
  traceId?: string;
};
export type TCallSpec<T> = {
  route: string; // "POST /v1/core/payouts": the endpoint template stored in the log
  path: string;
  query?: TQuery;
  body?: unknown;
  idempotencyKey?: string;
  schema: z.ZodType<T>;
  options?: TCallOptions;
};
export type TCallResult<T> = {
  value: T;
  status: number;
  logId: string | null;
  requestId: string;
  callId: string;
  traceId: string;
  attempts: number;
};

export type TTransportDeps = {
  baseUrl: string;
  keys: { interactive: string; batch: string | null };
  dispatcher: Dispatcher;
  totalTimeoutMs: number;
  backoff: TBackoffPolicy;
  random: TRandom;
  budget: RetryBudget;
  breaker: MonoBreaker;
  limiters: Record<TTraffic, Limiter[]>; // acquired in order: batch takes its own slot, then a shared one
  sink: TRequestLogSink;
  redactor: TRedactor;
  logger: TLogSink;
  maxStoredBodyBytes: number;
};

export async function executeCall<T>(
  deps: TTransportDeps,
  spec: TCallSpec<T>,
): Promise<TCallResult<T>> {
  const opts = spec.options ?? {};
  const {
    method,
    traffic,
    apiKey,
    apiKeyLabel,
    callId,
    traceId,
    url,
    bodyText,
    storedRequestBody,
  } = planCall(deps, spec);

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("deadline")), deps.totalTimeoutMs);
  timer.unref?.();
  const deadlineAt = Date.now() + deps.totalTimeoutMs;
  const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
  const abortKind = (): "deadline" | "aborted" =>
    deadline.signal.aborted ? "deadline" : "aborted";

  let attempts = 0;
  let lastRequestId: string | null = null;
  let lastError: MonoError | null = null;
  const stop = (error: MonoError, stoppedBy: TStopReason): never => {
    error.call = { callId, traceId, attempts, lastRequestId, stoppedBy };
    // A 404 or 422 is Mono answering normally; everything else means the call did not get through.
    const level = stoppedBy === "not_retryable" ? "info" : "warn";
    deps.logger[level](
      { callId, traceId, route: spec.route, attempts, stoppedBy, errorCode: errorCodeOf(error) },
      "mono.call.failed",
    );
    throw error;
  };
  const abortError = () =>
    new MonoNetworkError(abortKind(), "Aborted before the request was sent", "ABORT");

  let delayBeforeMs = 0;
  let delayReason: "backoff" | "retry_after" | null = null;
  let paidForRetry = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      const requestId = newRequestId();
      const headers = attemptHeaders(
        apiKey,
        requestId,
        traceId,
        bodyText !== null,
        spec.idempotencyKey,
      );
      const startedAt = new Date();

      let outcome: TAttemptOutcome<T>;
      try {
        outcome = await holding(deps.limiters[traffic], signal, () =>
          deps.breaker.run(() =>
            runAttempt(
              deps.dispatcher,
              { url, method, headers, body: bodyText, signal, abortKind },
              spec.schema,
            ),
          ),
        );
      } catch (err) {
        // Refused before sending (breaker open, or aborted while queued): no attempt, no row.
        if (err instanceof MonoCircuitOpenError) return stop(lastError ?? err, "circuit_open");
        if (signal.aborted) return stop(lastError ?? abortError(), abortKind());
        throw err; // a bug, not a Mono outcome: let it surface as is
      }
      attempts = attempt;
      lastRequestId = requestId;

      const ctx = {
        ...{ requestId, callId, traceId, attempt, method, path: spec.path, endpoint: spec.route },
        ...{ operationId: opts.operationId ?? null, idempotencyKey: spec.idempotencyKey ?? null },
        ...{ apiKeyLabel, delayBeforeMs, delayReason, storedRequestBody, startedAt },
        requestHeaders: headers,
      };
      const row = buildRow(ctx, outcome, deps.redactor, deps.maxStoredBodyBytes);
      const logFailure = await recordAttempt(deps.sink, deps.logger, row, outcome);
      if (logFailure) return stop(logFailure, "request_log_failed");

      if (outcome.ok) {
        logAttempt(deps.logger, row, false);
        deps.budget.recordSuccess(paidForRetry);
        return {
          value: outcome.value,
          status: outcome.status ?? 0,
          logId: outcome.logId,
          requestId,
          callId,
          traceId,
          attempts,
        };
      }
      const error = outcome.error;
      lastError = error;
      const decision = nextDelay(attempt, retryAfterOf(error), deps.random, deps.backoff);
      const stopReason = stopReasonFor(
        error,
        attempt,
        deps.backoff.maxRetries,
        Date.now() + decision.delayMs >= deadlineAt,
      );
      if (stopReason) {
        logAttempt(deps.logger, row, false);
        return stop(error, stopReason);
      }
      const cost = deps.budget.acquire(budgetKind(error));
      if (cost === null) {
        logAttempt(deps.logger, row, false);
        return stop(error, "budget_exhausted");
      }
      logAttempt(deps.logger, row, true);
      paidForRetry = cost;
      try {
        await sleep(decision.delayMs, signal);
      } catch {
        return stop(error, abortKind());
      }
      delayBeforeMs = decision.delayMs;
      delayReason = decision.reason;
    }
  } finally {
    clearTimeout(timer);
  }
}
