import "server-only";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { countRequests, listRequests } from "./list-requests";
import { keysetPages, streamCsv, type TCsvFormat } from "../export/csv";
import type { TRequestFilters } from "./request-filters";

const HEADER = [
  "at",
  "request_id",
  "mono_log_id",
  "method",
  "path",
  "endpoint",
  "status",
  "status_class",
  "error_code",
  "attempt",
  "call_id",
  "duration_ms",
  "delay_before_ms",
  "delay_reason",
  "operation_id",
  "idempotency_key",
  "api_key_label",
];

// CSV of EVERY request-log row that matches the filters (no bodies: they stay behind the detail
// page), streamed through the keyset cursor page by page so memory stays flat at any size, counted
// first for the X-Row-Count header and the file name, and audited because it takes data out of the
// console. The machine or the spreadsheet (es-CO) form: lib/export/csv.ts.
export async function streamRequestsCsv(
  filters: TRequestFilters,
  format: TCsvFormat,
  ctx: TAuditContext,
): Promise<{ rows: number; body: ReadableStream<Uint8Array> }> {
  const rows = await countRequests(filters);
  await recordAudit({
    action: "requests.exported",
    details: { filters: { ...filters, cursor: undefined }, format, rows },
    ctx,
  });
  const body = streamCsv({
    format,
    header: HEADER,
    pages: keysetPages(async (cursor) => {
      const page = await listRequests({ ...filters, cursor, limit: 200 });
      return { rows: page.requests, next: page.nextCursor };
    }),
    row: (r) => [
      { time: r.at },
      r.requestId,
      r.monoLogId,
      r.method,
      r.path,
      r.endpoint,
      r.status,
      r.statusClass,
      r.errorCode,
      r.attempt,
      r.callId,
      r.durationMs,
      r.delayBeforeMs,
      r.delayReason,
      r.operationId,
      r.idempotencyKey,
      r.apiKeyLabel,
    ],
  });
  return { rows, body };
}
