"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchKeyInspection,
  fetchRecovery,
  fetchTimeline,
  investigationKeys,
  postRecoveryAction,
} from "./api";
import { ApiError } from "../api-client";
import type { TRecoveryAction } from "@/lib/investigation/retry-verdict";

const missing = (err: unknown) => err instanceof ApiError && err.problem.status === 404;

// The timeline is refreshed together with the operation's status (see OperationTimeline); on its
// own it only re-reads every 30 s (late webhooks, reconciliation), and never an id that is gone.
export function useTimeline(id: string) {
  return useQuery({
    queryKey: investigationKeys.timeline(id),
    queryFn: ({ signal }) => fetchTimeline(id, signal),
    refetchInterval: (q) => (q.state.error ? false : 30_000),
    retry: (n, err) => !missing(err) && n < 1,
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
