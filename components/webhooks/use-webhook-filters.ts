"use client";

import { z } from "zod";
import { ZWebhookListQuery } from "@/lib/webhooks/list-query";
import { useUrlFilters } from "../url-state/use-url-filters";
import type { TWebhookFilters } from "./api";

const FILTER_KEYS = ["type", "signature", "result", "from", "to", "operationId"] as const;
// The API's filters plus the event opened beside the list (?event=).
const ZWebhookView = ZWebhookListQuery.extend({
  event: z
    .string()
    .regex(/^\d{1,15}$/)
    .transform(Number)
    .optional(),
});
const KEYS = [...FILTER_KEYS, "event"] as const;

// Filters and the selected event live in the URL, read through the one URL-state reader.
export function useWebhookFilters() {
  const url = useUrlFilters(ZWebhookView, KEYS);
  const { event, ...filters } = url.filters;
  const go = (f: TWebhookFilters, ev: number | null) =>
    void url.setFilters({ ...f, event: ev ?? undefined });
  return {
    filters: filters as TWebhookFilters,
    selected: event ?? null,
    setFilters: (f: TWebhookFilters) => go(f, null),
    select: (id: number | null) => go(filters as TWebhookFilters, id),
  };
}
