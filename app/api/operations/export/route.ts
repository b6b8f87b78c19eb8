import { withApi } from "@/lib/api/with-api";
import { csvHeaders, ZCsvFormat } from "@/lib/export/csv";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { streamOperationsCsv } from "@/lib/operations/export-operations";

// Every operation that matches the filters, as CSV (?format=machine, the default, or es-CO for a
// spreadsheet), streamed; the count is in X-Row-Count and the file name.
export const GET = withApi(
  {
    permission: "operations.read",
    query: ZOperationFilters.omit({ cursor: true, limit: true }).extend({ format: ZCsvFormat }),
  },
  async ({ query: { format, ...filters }, user, audit }) => {
    const { rows, body } = await streamOperationsCsv(
      { ...filters, limit: 500 },
      format,
      user.id,
      audit,
    );
    return new Response(body, { headers: csvHeaders("operations", rows, format) });
  },
);
