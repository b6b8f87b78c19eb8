import "server-only";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { presentOperationPage } from "../api/resources/operation";
import { listOperations } from "./list-operations";
import type { TOperationFilters } from "./list-filters";

const MAX_ROWS = 50_000;
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

// CSV of the filtered list, each page through the operation resource (masked like the screen),
// paged through the keyset cursor; audited because it takes data out of the console.
export async function exportOperationsCsv(
  filters: TOperationFilters,
  userId: string,
  ctx: TAuditContext,
): Promise<string> {
  const lines = [HEADER.join(",")];
  let cursor: string | undefined;
  do {
    const page = presentOperationPage(
      await listOperations({ ...filters, cursor, limit: 200 }, userId),
    );
    for (const o of page.operations) {
      lines.push(
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
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && lines.length <= MAX_ROWS);
  await recordAudit({
    action: "operations.exported",
    details: { filters, rows: lines.length - 1 },
    ctx,
  });
  return lines.join("\n") + "\n";
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
