import "server-only";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { presentOperationPage } from "../api/resources/operation";
import { countOperations, listOperations } from "./list-operations";
import type { TOperationFilters } from "./list-filters";

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
// shorter than that count, never different in what each row says. Audited with the count.
const PAGE = 500;

export async function streamOperationsCsv(
  filters: TOperationFilters,
  userId: string,
  ctx: TAuditContext,
): Promise<{ rows: number; body: ReadableStream<Uint8Array> }> {
  const rows = await countOperations(filters, userId);
  await recordAudit({ action: "operations.exported", details: { filters, rows }, ctx });
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  let done = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(HEADER.join(",") + "\n"));
        return;
      }
      if (done) return controller.close();
      const page = presentOperationPage(
        await listOperations({ ...filters, cursor, limit: PAGE }, userId),
      );
      const lines = page.operations.map((o) =>
        [
          o.id,
          o.createdAt,
          o.kind,
          o.state,
          pesos(o.amount),
          pesos(o.feeEstimate),
          o.currency,
          o.sourceAccountId,
          o.monoId ?? "",
          o.monoState ?? "",
          o.rowCount,
          o.createdBy?.email ?? "",
          o.reason,
          o.ticketRef ?? "",
        ]
          .map(cell)
          .join(","),
      );
      if (lines.length) controller.enqueue(encoder.encode(lines.join("\n") + "\n"));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) done = true;
    },
  });
  return { rows, body };
}

function pesos(minorUnits: number): string {
  const minor = BigInt(minorUnits);
  const sign = minor < 0n ? "-" : "";
  const abs = minor < 0n ? -minor : minor;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

// Quotes every cell and defuses spreadsheet formulas (=, +, -, @ at the start).
function cell(v: unknown): string {
  let s = String(v ?? "");
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return `"${s.replace(/"/g, '""')}"`;
}
