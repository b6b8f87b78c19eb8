import "server-only";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { listRequests } from "./list-requests";
import type { TRequestFilters } from "./request-filters";

const MAX_ROWS = 50_000;
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

// CSV of the filtered request log (no bodies: they stay behind the detail page), paged through
// the keyset cursor, capped, and audited because it takes data out of the console.
export async function exportRequestsCsv(
  filters: TRequestFilters,
  ctx: TAuditContext,
): Promise<string> {
  const lines = [HEADER.join(",")];
  let cursor: string | undefined;
  do {
    const page = await listRequests({ ...filters, cursor, limit: 200 });
    for (const r of page.requests) {
      lines.push(
        [
          r.at.toISOString(),
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
        ]
          .map(cell)
          .join(","),
      );
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && lines.length <= MAX_ROWS);
  await recordAudit({
    action: "requests.exported",
    details: { filters: { ...filters, cursor: undefined }, rows: lines.length - 1 },
    ctx,
  });
  return lines.join("\n") + "\n";
}

// Quotes every cell and defuses spreadsheet formulas (=, +, -, @ at the start).
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return `"${s.replace(/"/g, '""')}"`;
}
