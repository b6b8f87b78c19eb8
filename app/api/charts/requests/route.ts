import { withApi } from "@/lib/api/with-api";
import { presentRequestCharts } from "@/lib/api/resources/chart";
import { ZChartQuery, windowOf } from "@/lib/metrics/ranges";
import { getEndpointStats, getRequestSeries } from "@/lib/metrics/request-series";
import { getAnnotations } from "@/lib/metrics/annotations";

// Error rate by status class, latency p50/p95 and volume over a range, plus the per-endpoint
// table and the annotations, all from rollups.
export const GET = withApi(
  { permission: "overview.read", query: ZChartQuery },
  async ({ query }) => {
    const now = new Date();
    const filter = {
      range: query.range,
      endpoint: query.endpoint,
      statusClass: query.statusClass,
      now,
    };
    const [series, endpoints, annotations] = await Promise.all([
      getRequestSeries(filter),
      getEndpointStats({ ...filter, endpoint: undefined }),
      getAnnotations(windowOf(query.range, now)),
    ]);
    return presentRequestCharts({ ...series, endpoints, annotations });
  },
);
