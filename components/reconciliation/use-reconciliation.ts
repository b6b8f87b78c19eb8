"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchFindings,
  fetchRuns,
  reconKeys,
  resolveFinding,
  runNow,
  type TFindingFilters,
} from "./api";

export function useRuns() {
  return useQuery({
    queryKey: reconKeys.runs(),
    queryFn: ({ signal }) => fetchRuns(signal),
    refetchInterval: 30_000,
  });
}

export function useFindings(f: TFindingFilters) {
  return useInfiniteQuery({
    queryKey: reconKeys.findings(f),
    queryFn: ({ pageParam, signal }) => fetchFindings(f, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

// Runs and resolutions change findings, runs and (critical ones) the alert banner.
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: reconKeys.all }),
      qc.invalidateQueries({ queryKey: ["alerts"] }),
    ]);
}

export function useRunNow() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (windowHours?: number) => runNow(windowHours),
    onSettled: invalidate,
  });
}

export function useResolveFinding() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => resolveFinding(v.id, v.reason),
    onSettled: invalidate,
  });
}
