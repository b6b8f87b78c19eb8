import { apiFetch } from "../api-client";

export type TAlert = {
  id: string;
  rule: string;
  foldKey: string;
  severity: "critical" | "warning" | "info";
  title: string;
  details: Record<string, unknown>;
  state: "open" | "acknowledged" | "resolved";
  occurrences: number;
  openedAt: string;
  lastSeenAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  notifiedAt: string | null;
};
export type TAlertFilters = {
  state: "active" | "open" | "acknowledged" | "resolved" | "all";
  severity?: string;
};
export type TBanner = {
  /** The guard's kill switch: while on, nothing is sent to Mono. */
  killSwitch: boolean;
  count: number;
  latest: { id: string; title: string; state: string; openedAt: string }[];
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
  return apiFetch<{ alerts: TAlert[]; nextBefore: string | null }>(`/api/alerts?${q}`, { signal });
}

export const fetchBanner = (signal?: AbortSignal) =>
  apiFetch<TBanner>("/api/alerts/banner", { signal });
export const acknowledgeAlert = (id: string) =>
  apiFetch<{ alert: TAlert }>(`/api/alerts/${id}/acknowledge`, { method: "POST" });
export const resolveAlert = (id: string, note?: string) =>
  apiFetch<{ alert: TAlert }>(`/api/alerts/${id}/resolve`, {
    method: "POST",
    body: note ? { note } : {},
  });
export const evaluateNow = () =>
  apiFetch<{ balances: unknown; health: unknown }>("/api/alerts/evaluate", { method: "POST" });
