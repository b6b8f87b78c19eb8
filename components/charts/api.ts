import { apiFetch } from "../api-client";
import type { TAnnotation } from "@/lib/metrics/annotations";
import type { TChartQuery, TRange } from "@/lib/metrics/ranges";
import type { TEndpointStats, TSeriesPoint } from "@/lib/metrics/request-series";

// The chart endpoints as the browser sees them (money arrives as integer minor units in JSON numbers).

// The series and annotation shapes are the server's own (type-only imports: nothing of lib/ ships).
export type { TAnnotation, TEndpointStats, TSeriesPoint };

export type TRequestCharts = {
  range: TRange;
  from: string;
  to: string;
  stepSec: number;
  points: TSeriesPoint[];
  endpoints: TEndpointStats[];
  annotations: TAnnotation[];
};

export type TBalanceLevel = "ok" | "warning" | "critical" | "unknown";
export type TAccountSummary = {
  id: string;
  kind: string;
  name: string;
  currency: string;
  state: string;
  available: number | null;
  pending: number | null;
  at: string | null;
  lastError: string | null;
  dailySpend: number;
  warningFloor: number;
  criticalFloor: number;
  committed: number;
  runway: { projected: number; days: number | null } | null;
  level: TBalanceLevel;
};
export type TBalancePoint = { t: number; available: number };
export type TBalanceCharts = {
  range: TRange;
  accounts: (TAccountSummary & {
    series: { stepSec: number; from: string; to: string; points: TBalancePoint[] };
  })[];
  annotations: TAnnotation[];
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
