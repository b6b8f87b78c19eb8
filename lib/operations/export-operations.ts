import "server-only";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { presentOperationPage } from "../api/resources/operation";
import { countOperations, listOperations } from "./list-operations";
import type { TOperationFilters } from "./list-filters";
import { keysetPages, streamCsv, type TCsvFormat } from "../export/csv";

const HEADER = [
  "id",
  "created_at",
  "kind",
  "state",
  "amount_cop",
  "fee_estimate_cop",
  "currency",
  "source_account",
  "mono_id",
  "mono_state",
  "rows",
  "created_by",
  "reason",
  "ticket",
];

// CSV of EVERY operation that matches the filters (no cap), streamed page by page through the
// operation resource (masked like the screen) and the keyset cursor, so memory stays flat whatever
// the size. The row count is counted first (same filters) and answered in the X-Row-Count header
// and the file name; rows created while the file streams may make the file one page longer or
// shorter than that count, never different in what each row says. Audited with the count. The
// machine or the spreadsheet (es-CO) form: lib/export/csv.ts.
const PAGE = 500;

export async function streamOperationsCsv(
  filters: TOperationFilters,
  format: TCsvFormat,
  userId: string,
  ctx: TAuditContext,
): Promise<{ rows: number; body: ReadableStream<Uint8Array> }> {
  const rows = await countOperations(filters, userId);
  await recordAudit({ action: "operations.exported", details: { filters, format, rows }, ctx });
  const body = streamCsv({
    format,
    header: HEADER,
    pages: keysetPages(async (cursor) => {
      const page = presentOperationPage(
        await listOperations({ ...filters, cursor, limit: PAGE }, userId),
      );
      return { rows: page.operations, next: page.nextCursor };
    }),
    row: (o) => [
      o.id,
      { time: o.createdAt },
      o.kind,
      o.state,
      { minor: o.amount },
      { minor: o.feeEstimate },
      o.currency,
      o.sourceAccountId,
      o.monoId,
      o.monoState,
      o.rowCount,
      o.createdBy?.email,
      o.reason,
      o.ticketRef,
    ],
  });
  return { rows, body };
}
