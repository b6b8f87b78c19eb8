import { withApi } from "@/lib/api/with-api";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { exportOperationsCsv } from "@/lib/operations/export-operations";

export const GET = withApi(
  { permission: "operations.read", query: ZOperationFilters.omit({ cursor: true, limit: true }) },
  async ({ query, user, audit }) => {
    const csv = await exportOperationsCsv({ ...query, limit: 200 }, user.id, audit);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="operations-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  },
);
