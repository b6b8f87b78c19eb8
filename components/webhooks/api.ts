import { apiFetch } from "../api-client";
import type { TWebhookListQuery } from "@/lib/webhooks/list-query";

export type TWebhookFilters = Omit<TWebhookListQuery, "before" | "limit">;
export type TProcessingResult = "applied" | "ignored_stale" | "correction" | "external" | "error";
export type TWebhookRow = {
  id: number;
  type: string;
  objectId: string | null;
  signatureResult: "valid" | "valid_previous_secret";
  eventTimestamp: string | null;
  receivedAt: string;
  deliveries: number;
  processedAt: string | null;
  processingResult: TProcessingResult | null;
  processingError: string | null;
  operationId: string | null;
  external: boolean;
};
export type TWebhookDetail = {
  event: TWebhookRow & {
    rawBody: string;
    data: Record<string, unknown>;
    dedupeKey: string;
    processingDetails: Record<string, unknown> | null;
  };
  operation: {
    id: string;
    kind: string;
    state: string;
    amount: number;
    currency: string;
    monoId: string | null;
  } | null;
};
export type TWebhookSummary = {
  types: { type: string; count: number }[];
  rejections24h: Record<string, number>;
  lastReceivedAt: string | null;
};
export type TReprocessOutcome = {
  eventId: string;
  result: string;
  operationId: string | null;
  error?: string;
};

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: (f: TWebhookFilters) => [...webhookKeys.all, "list", f] as const,
  detail: (id: number) => [...webhookKeys.all, "detail", id] as const,
  summary: () => [...webhookKeys.all, "summary"] as const,
};

export function filtersToSearch(f: TWebhookFilters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q;
}

export function fetchWebhookPage(
  f: TWebhookFilters,
  before: string | undefined,
  signal?: AbortSignal,
) {
  const q = filtersToSearch(f);
  if (before) q.set("before", before);
  return apiFetch<{ events: TWebhookRow[]; nextBefore: string | null }>(
    `/api/webhooks/events?${q}`,
    { signal },
  );
}
export const fetchWebhookEvent = (id: number, signal?: AbortSignal) =>
  apiFetch<TWebhookDetail>(`/api/webhooks/events/${id}`, { signal });
export const fetchWebhookSummary = (signal?: AbortSignal) =>
  apiFetch<TWebhookSummary>("/api/webhooks/summary", { signal });
export const reprocessEvent = (id: number) =>
  apiFetch<TReprocessOutcome>(`/api/webhooks/events/${id}/reprocess`, { method: "POST", body: {} });
