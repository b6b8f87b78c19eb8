import { withApi } from "@/lib/api/with-api";
import { exportRequestsCsv } from "@/lib/investigation/export-requests";
import { ZRequestFilters } from "@/lib/investigation/request-filters";

export const GET = withApi(
  { permission: "requests.read", query: ZRequestFilters.omit({ cursor: true, limit: true }) },
  async ({ query, audit }) => {
    const csv = await exportRequestsCsv({ ...query, limit: 200 }, audit);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="mono-requests-${new Date().toISOString().slice(0, 10)}.csv"`,
      },
    });
  },
);
