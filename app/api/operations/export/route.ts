import { withApi } from "@/lib/api/with-api";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { streamOperationsCsv } from "@/lib/operations/export-operations";

// Every operation that matches the filters, as CSV, streamed; the count is in X-Row-Count and the
// file name.
export const GET = withApi(
  { permission: "operations.read", query: ZOperationFilters.omit({ cursor: true, limit: true }) },
  async ({ query, user, audit }) => {
    const { rows, body } = await streamOperationsCsv({ ...query, limit: 500 }, user.id, audit);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="operations-${day}-${rows}-rows.csv"`,
        "x-row-count": String(rows),
      },
    });
  },
);
