import "server-only";
import type { TLogger } from "@/lib/logger";
import type { TAttemptOutcome } from "./attempt";
import type { TRedactor } from "./redact";
import { MonoRequestLogError } from "./errors";
import {
  statusClassOf,
  writeThrough,
  type TRequestLogRow,
  type TRequestLogSink,
} from "./request-log";

// Turns one attempt into its RequestLog row (redacted) and its log line. Bodies are redacted here,
// once, for both destinations; pino gets metadata only, never a body.

export type TLogSink = Pick<TLogger, "debug" | "info" | "warn" | "error">;

export type TAttemptContext = {
  requestId: string;
  callId: string;
  traceId: string;
  attempt: number;
  method: string;
  path: string;
  endpoint: string;
  operationId: string | null;
  idempotencyKey: string | null;
  apiKeyLabel: "interactive" | "batch";
  delayBeforeMs: number;
  delayReason: "backoff" | "retry_after" | null;
  storedRequestBody: unknown; // already redacted
  requestHeaders: Record<string, string>; // raw: redacted below
  startedAt: Date;
};

const MAX_TEXT_BODY = 2_000;

/**
 * JSON bodies are redacted and stored unless huge; non-JSON bodies keep a redacted excerpt.
 * `raw` is the body as sent or received: its size decides, so a huge body is neither walked by
 * the redactor nor serialised again only to be measured.
 */
export function storedBody(
  redactor: TRedactor,
  json: unknown,
  raw: string | null,
  maxBytes: number,
): unknown {
  if (json !== null && json !== undefined) {
    const bytes = Buffer.byteLength(raw ?? JSON.stringify(json));
    return bytes > maxBytes ? { _truncated: true, bytes } : redactor.body(json);
  }
  if (raw) return { _text: redactor.text(raw.slice(0, MAX_TEXT_BODY)) };
  return null;
}

export function buildRow<T>(
  ctx: TAttemptContext,
  outcome: TAttemptOutcome<T>,
  redactor: TRedactor,
  maxBytes: number,
): TRequestLogRow {
  return {
    requestId: ctx.requestId,
    monoLogId: outcome.logId,
    operationId: ctx.operationId,
    idempotencyKey: ctx.idempotencyKey,
    traceId: ctx.traceId,
    method: ctx.method,
    path: ctx.path,
    endpoint: ctx.endpoint,
    status: outcome.status,
    statusClass: statusClassOf(outcome.status),
    errorCode: outcome.ok ? null : outcome.errorCode,
    attempt: ctx.attempt,
    callId: ctx.callId,
    durationMs: outcome.durationMs,
    delayBeforeMs: ctx.delayBeforeMs,
    delayReason: ctx.delayReason,
    apiKeyLabel: ctx.apiKeyLabel,
    requestBody: ctx.storedRequestBody,
    responseBody: storedBody(redactor, outcome.responseJson, outcome.responseRaw, maxBytes),
    requestHeaders: redactor.headers(ctx.requestHeaders),
    responseHeaders: outcome.responseHeaders ? redactor.headers(outcome.responseHeaders) : null,
    at: ctx.startedAt,
  };
}

/** One structured line per attempt; error_code is its own field (docs/DESIGN.md P17). */
export function logAttempt(logger: TLogSink, row: TRequestLogRow, willRetry: boolean): void {
  const fields = {
    requestId: row.requestId,
    callId: row.callId,
    traceId: row.traceId,
    monoLogId: row.monoLogId,
    operationId: row.operationId,
    idempotencyKey: row.idempotencyKey,
    endpoint: row.endpoint,
    attempt: row.attempt,
    status: row.status,
    statusClass: row.statusClass,
    errorCode: row.errorCode,
    durationMs: row.durationMs,
    delayBeforeMs: row.delayBeforeMs,
    apiKeyLabel: row.apiKeyLabel,
  };
  if (row.statusClass === "2xx" && row.errorCode === null) logger.debug(fields, "mono.attempt");
  else if (willRetry) logger.warn(fields, "mono.attempt.retrying");
  else logger.warn(fields, "mono.attempt.failed");
}

/**
 * Writes the row through. On failure the row is not lost — it goes, redacted, to the error log —
 * and the returned error tells the loop to stop: no attempt is sent that cannot be recorded.
 */
export async function recordAttempt<T>(
  sink: TRequestLogSink,
  logger: TLogSink,
  row: TRequestLogRow,
  outcome: TAttemptOutcome<T>,
): Promise<MonoRequestLogError | null> {
  try {
    await writeThrough(sink, row);
    return null;
  } catch (cause) {
    logger.error({ requestLogRow: row, err: String(cause) }, "mono.request_log.write_failed");
    return new MonoRequestLogError(outcome.ok ? null : outcome.error, outcome.status, cause);
  }
}
