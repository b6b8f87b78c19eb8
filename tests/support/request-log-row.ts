import type { TRequestLogRow } from "@/lib/mono/request-log";

/** A RequestLog row of a plain successful read; tests override what they look at. */
export function requestLogRow(over: Partial<TRequestLogRow> = {}): TRequestLogRow {
  return {
    requestId: "req_1",
    monoLogId: null,
    operationId: null,
    idempotencyKey: null,
    traceId: "a".repeat(32),
    method: "GET",
    path: "/v1/accounts",
    endpoint: "GET /v1/accounts",
    status: 200,
    statusClass: "2xx",
    errorCode: null,
    attempt: 1,
    callId: "call_1",
    durationMs: 3,
    delayBeforeMs: 0,
    delayReason: null,
    apiKeyLabel: "interactive",
    requestBody: null,
    responseBody: { ok: true },
    requestHeaders: { accept: "application/json" },
    responseHeaders: null,
    at: new Date("2026-11-22T12:00:00.000Z"),
    ...over,
  };
}
