"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  acknowledgeAlert,
  alertKeys,
  evaluateNow,
  fetchAlerts,
  fetchBanner,
  resolveAlert,
  type TAlertFilters,
  type TBanner,
} from "./api";

export function useAlertList(f: TAlertFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(f),
    queryFn: ({ pageParam, signal }) => fetchAlerts(f, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: 30_000,
  });
}

/** Every console page polls this; 30 s keeps a new critical alert visible within half a minute. */
export function useCriticalBanner(initial?: TBanner) {
  return useQuery({
    queryKey: alertKeys.banner(),
    queryFn: ({ signal }) => fetchBanner(signal),
    refetchInterval: 30_000,
    // The layout's server-side answer; the first poll replaces it.
    initialData: initial,
  });
}

// Alert changes touch the list, the banner and the overview tiles: invalidate all three.
function useInvalidateAlerts() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: alertKeys.all }),
      qc.invalidateQueries({ queryKey: ["overview"] }),
      qc.invalidateQueries({ queryKey: ["charts", "balances"] }),
    ]);
}

export function useAcknowledgeAlert() {
  const invalidate = useInvalidateAlerts();
  return useMutation({ mutationFn: (id: string) => acknowledgeAlert(id), onSettled: invalidate });
}

export function useResolveAlert() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: (v: { id: string; note?: string }) => resolveAlert(v.id, v.note),
    onSettled: invalidate,
  });
}

export function useEvaluateNow() {
  const invalidate = useInvalidateAlerts();
  return useMutation({ mutationFn: evaluateNow, onSettled: invalidate });
}
