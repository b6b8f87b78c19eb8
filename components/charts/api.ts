import { apiFetch } from "../api-client";
import type { TChartQuery, TRange } from "@/lib/metrics/ranges";
import type {
  TAnnotation,
  TBalanceCharts,
  TBalancePoint,
  TEndpointStats,
  TRequestCharts,
  TSeriesPoint,
} from "@/lib/api/resources/chart";
import type { TAccountSummary, TBalanceLevel } from "@/lib/api/resources/balance";

// The chart endpoints as the browser sees them: the server's response schemas
// (lib/api/resources/chart.ts, balance.ts). Money arrives as integer minor units in JSON numbers.
export type {
  TAccountSummary,
  TAnnotation,
  TBalanceCharts,
  TBalanceLevel,
  TBalancePoint,
  TEndpointStats,
  TRequestCharts,
  TSeriesPoint,
};

export const chartKeys = {
  all: ["charts"] as const,
  requests: (q: TChartQuery) => [...chartKeys.all, "requests", q] as const,
  balances: (range: TRange, account?: string) =>
    [...chartKeys.all, "balances", range, account ?? null] as const,
};

function search(q: Record<string, string | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) s.set(k, v);
  return s.toString();
}

export const fetchRequestCharts = (q: TChartQuery, signal?: AbortSignal) =>
  apiFetch<TRequestCharts>(
    `/api/charts/requests?${search({ range: q.range, endpoint: q.endpoint, statusClass: q.statusClass })}`,
    { signal },
  );

export const fetchBalanceCharts = (
  range: TRange,
  account: string | undefined,
  signal?: AbortSignal,
) => apiFetch<TBalanceCharts>(`/api/charts/balances?${search({ range, account })}`, { signal });
