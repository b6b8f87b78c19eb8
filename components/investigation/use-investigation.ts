"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchKeyInspection,
  fetchRecovery,
  fetchTimeline,
  investigationKeys,
  postRecoveryAction,
} from "./api";
import type { TRecoveryAction } from "@/lib/investigation/retry-verdict";

export function useTimeline(id: string) {
  return useQuery({
    queryKey: investigationKeys.timeline(id),
    queryFn: ({ signal }) => fetchTimeline(id, signal),
    refetchInterval: 15_000,
  });
}

export function useRecoveryVerdict(id: string, enabled = true) {
  return useQuery({
    queryKey: investigationKeys.recovery(id),
    queryFn: ({ signal }) => fetchRecovery(id, signal),
    enabled,
  });
}

export function useKeyInspection(key: string) {
  return useQuery({
    queryKey: investigationKeys.key(key),
    queryFn: ({ signal }) => fetchKeyInspection(key, signal),
    refetchInterval: 10_000,
  });
}

export function useRecoveryAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: TRecoveryAction; reason: string; key: string }) =>
      postRecoveryAction(id, { action: v.action, reason: v.reason }, v.key),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: investigationKeys.recovery(id) });
      void qc.invalidateQueries({ queryKey: investigationKeys.timeline(id) });
    },
  });
}
