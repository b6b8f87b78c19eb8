"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchWebhookEvent,
  fetchWebhookPage,
  fetchWebhookSummary,
  reprocessEvent,
  webhookKeys,
  type TWebhookFilters,
} from "./api";

export function useWebhookList(f: TWebhookFilters) {
  return useInfiniteQuery({
    queryKey: webhookKeys.list(f),
    queryFn: ({ pageParam, signal }) => fetchWebhookPage(f, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: 15_000,
  });
}

export function useWebhookEvent(id: number | null) {
  return useQuery({
    queryKey: webhookKeys.detail(id ?? 0),
    queryFn: ({ signal }) => fetchWebhookEvent(id!, signal),
    enabled: id !== null,
  });
}

export function useWebhookSummary() {
  return useQuery({
    queryKey: webhookKeys.summary(),
    queryFn: ({ signal }) => fetchWebhookSummary(signal),
    refetchInterval: 30_000,
  });
}

// A reprocess may move an operation: refresh the log, this event, and that operation's views.
export function useReprocessEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => reprocessEvent(id),
    onSettled: (_r, _e, id) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: webhookKeys.all }),
        qc.invalidateQueries({ queryKey: webhookKeys.detail(id) }),
        qc.invalidateQueries({ queryKey: ["operations"] }),
      ]),
  });
}
