import { apiFetch } from "../api-client";
import type { z } from "zod";
import type { TWebhookListQuery } from "@/lib/webhooks/list-query";
import type {
  TReprocessOutcome,
  TWebhookDetail,
  TWebhookReveal,
  TWebhookRow,
  TWebhookSummary,
  ZProcessingResult,
} from "@/lib/api/resources/webhook";

export type TWebhookFilters = Omit<TWebhookListQuery, "before" | "limit">;
// The server's response schemas (lib/api/resources/webhook.ts): bodies arrive masked; the raw body
// only through the audited reveal.
export type TProcessingResult = z.infer<typeof ZProcessingResult>;
export type { TReprocessOutcome, TWebhookDetail, TWebhookReveal, TWebhookRow, TWebhookSummary };

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
export const revealWebhookRequest = (id: number, reason: string) =>
  apiFetch<TWebhookReveal>(`/api/webhooks/events/${id}/reveal`, {
    method: "POST",
    body: { reason },
  });
