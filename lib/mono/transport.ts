import "server-only";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { newId, newRequestId } from "@/lib/ids";
import { runAttempt, type TAttemptOutcome } from "./attempt";
import { buildRow, logAttempt, storedBody, type TLogSink } from "./attempt-record";
import { nextDelay, type TBackoffPolicy, type TRandom } from "./backoff";
import type { MonoBreaker } from "./breaker";
import { MonoCircuitOpenError, MonoNetworkError, MonoRequestLogError, type MonoError, type TStopReason } from "./errors";
import { attemptHeaders } from "./headers";
import { budgetKind, errorCodeOf, retryAfterOf, stopReasonFor } from "./retry-policy";
import { holding, sleep, type Limiter } from "./limiter";
import { encodeQuery, type TQuery } from "./query";
import type { TRedactor } from "./redact";
import { writeThrough, type TRequestLogSink } from "./request-log";
import type { RetryBudget } from "./retry-budget";
import { traceIdOrNew } from "./trace";

// The retry loop: every logical call gets one call id, one trace id, one body and one idempotency
// key; every attempt gets its own request id and span id, passes the concurrency limit and the
// breaker, and is written to the request log before anything else happens (retry or return).

export type TTraffic = "interactive" | "batch";
export type TCallOptions = { operationId?: string; traffic?: TTraffic; signal?: AbortSignal; traceId?: string };
export type TCallSpec<T> = {
  route: string; // "POST /v1/core/payouts": the endpoint template stored in the log
  path: string;
  query?: TQuery;
  body?: unknown;
  idempotencyKey?: string;
  schema: z.ZodType<T>;
  options?: TCallOptions;
};
export type TCallResult<T> = { value: T; status: number; logId: string | null; requestId: string; callId: string; traceId: string; attempts: number };

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

export async function executeCall<T>(deps: TTransportDeps, spec: TCallSpec<T>): Promise<TCallResult<T>> {
  const opts = spec.options ?? {};
  const method = spec.route.startsWith("POST ") ? "POST" : "GET";
  const traffic: TTraffic = opts.traffic ?? "interactive";
  // Batch traffic uses the batch key when one is configured; the label, never the key, is logged.
  const useBatchKey = traffic === "batch" && deps.keys.batch !== null;
  const apiKey = useBatchKey ? (deps.keys.batch as string) : deps.keys.interactive;
  const apiKeyLabel = useBatchKey ? "batch" : "interactive";
  const callId = newId("call");
  const traceId = traceIdOrNew(opts.traceId);
  const url = `${deps.baseUrl.replace(/\/$/, "")}${spec.path}${encodeQuery(spec.query)}`;
  // Serialised once: every attempt sends byte-identical bodies with the same key (seed 003).
  const bodyText = spec.body === undefined ? null : JSON.stringify(spec.body);
  const storedRequestBody = spec.body === undefined ? null : storedBody(deps.redactor, spec.body, null, deps.maxStoredBodyBytes);

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Error("deadline")), deps.totalTimeoutMs);
  timer.unref?.();
  const deadlineAt = Date.now() + deps.totalTimeoutMs;
  const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
  const abortKind = (): "deadline" | "aborted" => (deadline.signal.aborted ? "deadline" : "aborted");

  let attempts = 0;
  let lastRequestId: string | null = null;
  let lastError: MonoError | null = null;
  const stop = (error: MonoError, stoppedBy: TStopReason): never => {
    error.call = { callId, traceId, attempts, lastRequestId, stoppedBy };
    // A 404 or 422 is Mono answering normally; everything else means the call did not get through.
    const level = stoppedBy === "not_retryable" ? "info" : "warn";
    deps.logger[level]({ callId, traceId, route: spec.route, attempts, stoppedBy, errorCode: errorCodeOf(error) }, "mono.call.failed");
    throw error;
  };
  const abortError = () => new MonoNetworkError(abortKind(), "Aborted before the request was sent", "ABORT");

  let delayBeforeMs = 0;
  let delayReason: "backoff" | "retry_after" | null = null;
  let paidForRetry = 0;
  try {
    for (let attempt = 1; ; attempt++) {
      const requestId = newRequestId();
      const headers = attemptHeaders(apiKey, requestId, traceId, bodyText !== null, spec.idempotencyKey);
      const startedAt = new Date();

      let outcome: TAttemptOutcome<T>;
      try {
        outcome = await holding(deps.limiters[traffic], signal, () =>
          deps.breaker.run(() => runAttempt(deps.dispatcher, { url, method, headers, body: bodyText, signal, abortKind }, spec.schema)),
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
        requestId, callId, traceId, attempt, method, path: spec.path, endpoint: spec.route,
        operationId: opts.operationId ?? null, idempotencyKey: spec.idempotencyKey ?? null,
        apiKeyLabel, delayBeforeMs, delayReason, storedRequestBody, requestHeaders: headers, startedAt,
      } as const;
      const row = buildRow(ctx, outcome, deps.redactor, deps.maxStoredBodyBytes);
      try {
        await writeThrough(deps.sink, row);
      } catch (cause) {
        // Not lost: the full (redacted) row goes to the error log, and no further attempt is sent.
        deps.logger.error({ requestLogRow: row, err: String(cause) }, "mono.request_log.write_failed");
        return stop(new MonoRequestLogError(outcome.ok ? null : outcome.error, outcome.status, cause), "request_log_failed");
      }

      if (outcome.ok) {
        logAttempt(deps.logger, row, false);
        deps.budget.recordSuccess(paidForRetry);
        return { value: outcome.value, status: outcome.status ?? 0, logId: outcome.logId, requestId, callId, traceId, attempts };
      }
      const error = outcome.error;
      lastError = error;
      const decision = nextDelay(attempt, retryAfterOf(error), deps.random, deps.backoff);
      const stopReason = stopReasonFor(error, attempt, deps.backoff.maxRetries, Date.now() + decision.delayMs >= deadlineAt);
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
