"use client";

import { useQuery } from "@tanstack/react-query";
import type { TChartQuery, TRange } from "@/lib/metrics/ranges";
import { chartKeys, fetchBalanceCharts, fetchRequestCharts } from "./api";

// Short ranges refresh every 30 s; the server answers from rollups, so this is cheap.
const refetchFor = (range: TRange) => (range === "15m" || range === "1h" ? 30_000 : 120_000);

export function useRequestCharts(q: TChartQuery) {
  return useQuery({
    queryKey: chartKeys.requests(q),
    queryFn: ({ signal }) => fetchRequestCharts(q, signal),
    refetchInterval: refetchFor(q.range),
    placeholderData: (prev) => prev,
  });
}

export function useBalanceCharts(range: TRange, account?: string) {
  return useQuery({
    queryKey: chartKeys.balances(range, account),
    queryFn: ({ signal }) => fetchBalanceCharts(range, account, signal),
    refetchInterval: 60_000,
    placeholderData: (prev) => prev,
  });
}
