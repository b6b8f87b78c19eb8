import { apiFetch } from "../api-client";
import type { z } from "zod";
import type {
  TAlert,
  TAlertBanner,
  TAlertCheck,
  TAlertPage,
  ZAlertChange,
} from "@/lib/api/resources/alert";

// The server's response schemas (lib/api/resources/alert.ts): details arrive masked.
export type { TAlert, TAlertCheck };
/** The banner: open critical alerts and the guard's kill switch (while on, nothing is sent). */
export type TBanner = TAlertBanner;
type TAlertChange = z.infer<typeof ZAlertChange>;
export type TAlertFilters = {
  state: "active" | "open" | "acknowledged" | "resolved" | "all";
  severity?: string;
};

export const alertKeys = {
  all: ["alerts"] as const,
  list: (f: TAlertFilters) => [...alertKeys.all, "list", f] as const,
  banner: () => [...alertKeys.all, "banner"] as const,
};

export function fetchAlerts(f: TAlertFilters, before: string | undefined, signal?: AbortSignal) {
  const q = new URLSearchParams({ state: f.state });
  if (f.severity) q.set("severity", f.severity);
  if (before) q.set("before", before);
  return apiFetch<TAlertPage>(`/api/alerts?${q}`, { signal });
}

export const fetchBanner = (signal?: AbortSignal) =>
  apiFetch<TBanner>("/api/alerts/banner", { signal });
export const acknowledgeAlert = (id: string) =>
  apiFetch<TAlertChange>(`/api/alerts/${id}/acknowledge`, { method: "POST" });
export const resolveAlert = (id: string, note?: string) =>
  apiFetch<TAlertChange>(`/api/alerts/${id}/resolve`, {
    method: "POST",
    body: note ? { note } : {},
  });
export const evaluateNow = () => apiFetch<TAlertCheck>("/api/alerts/evaluate", { method: "POST" });
