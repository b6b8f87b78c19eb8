import { apiFetch } from "../api-client";
import type { TFindingListQuery } from "@/lib/reconcile/list-query";
import type { TFinding } from "@/lib/api/resources/reconciliation";

export type TFindingFilters = Omit<TFindingListQuery, "before" | "limit">;
export type TSeverity = "critical" | "warning" | "info";
export type TRun = {
  id: string;
  trigger: "schedule" | "manual";
  windowStart: string;
  windowEnd: string;
  state: "running" | "done" | "failed";
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  newFindings: number;
  summary: {
    findings: number;
    created: number;
    stillOpen: number;
    byKind: Record<string, number>;
    checked: Record<string, number>;
    busyAccounts: string[];
  } | null;
};
// The server's response schema (lib/api/resources/reconciliation.ts): evidence arrives masked.
export type { TFinding };

export const reconKeys = {
  all: ["reconciliation"] as const,
  runs: () => [...reconKeys.all, "runs"] as const,
  findings: (f: TFindingFilters) => [...reconKeys.all, "findings", f] as const,
};

export function findingsSearch(f: TFindingFilters): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f))
    if (v !== undefined && v !== "" && !(k === "status" && v === "open")) q.set(k, String(v));
  return q;
}

export const fetchRuns = (signal?: AbortSignal) =>
  apiFetch<{ runs: TRun[]; open: Partial<Record<TSeverity, number>> }>("/api/reconciliation/runs", {
    signal,
  });
export function fetchFindings(
  f: TFindingFilters,
  before: string | undefined,
  signal?: AbortSignal,
) {
  const q = findingsSearch(f);
  if (f.status !== "open") q.set("status", f.status);
  if (before) q.set("before", before);
  return apiFetch<{ findings: TFinding[]; nextBefore: string | null }>(
    `/api/reconciliation/findings?${q}`,
    { signal },
  );
}
export const runNow = (windowHours?: number) =>
  apiFetch<{ run: TRun }>("/api/reconciliation/runs", {
    method: "POST",
    body: windowHours ? { windowHours } : {},
  });
export const resolveFinding = (id: string, reason: string) =>
  apiFetch<{ finding: TFinding }>(`/api/reconciliation/findings/${id}/resolve`, {
    method: "POST",
    body: { reason },
  });
