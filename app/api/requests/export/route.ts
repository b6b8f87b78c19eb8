import { withApi } from "@/lib/api/with-api";
import { csvHeaders, ZCsvFormat } from "@/lib/export/csv";
import { streamRequestsCsv } from "@/lib/investigation/export-requests";
import { ZRequestFilters } from "@/lib/investigation/request-filters";

// Every request-log row that matches the filters, as CSV (?format=machine, the default, or es-CO
// for a spreadsheet), streamed; the count is in X-Row-Count and the file name.
export const GET = withApi(
  {
    permission: "requests.read",
    query: ZRequestFilters.omit({ cursor: true, limit: true }).extend({ format: ZCsvFormat }),
  },
  async ({ query: { format, ...filters }, audit }) => {
    const { rows, body } = await streamRequestsCsv({ ...filters, limit: 200 }, format, audit);
    return new Response(body, { headers: csvHeaders("mono-requests", rows, format) });
  },
);
