import { describe, expect, it } from "vitest";
import { insertStatement } from "@/lib/mono/request-log-pg";
import type { TRequestLogRow } from "@/lib/mono/request-log";

const row = (i: number): TRequestLogRow => ({
  requestId: `req_${i}`,
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
});

describe("group-commit INSERT", () => {
  it("numbers parameters across rows, casts JSON and stores `at` as UTC", () => {
    const { text, values } = insertStatement([row(1), row(2)]);
    expect(values).toHaveLength(44);
    expect(text).toContain('INSERT INTO "RequestLog" ("requestId", "monoLogId"');
    expect(text).toContain("$18::jsonb");
    expect(text).toContain("($22::timestamptz AT TIME ZONE 'UTC')), ($23,");
    expect(values[18]).toBe('{"ok":true}');
    expect(values[17]).toBeNull();
    expect(values[21]).toBe("2026-11-22T12:00:00.000Z");
    expect(values[22]).toBe("req_2");
  });
});
