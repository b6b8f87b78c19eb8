import { apiFetch } from "../api-client";
import type { TFindingListQuery } from "@/lib/reconcile/list-query";
import type { z } from "zod";
import type {
  TFinding,
  TRunList,
  ZFindingChange,
  ZFindingPage,
  ZRunResult,
} from "@/lib/api/resources/reconciliation";

export type TFindingFilters = Omit<TFindingListQuery, "before" | "limit">;
export type TSeverity = "critical" | "warning" | "info";
/** A run as the runs card lists it: with how many findings it created. */
export type TRun = TRunList["runs"][number];
// The server's response schemas (lib/api/resources/reconciliation.ts): evidence arrives masked.
export type { TFinding, TRunList };
type TFindingPage = z.infer<typeof ZFindingPage>;

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
  apiFetch<TRunList>("/api/reconciliation/runs", { signal });
export function fetchFindings(
  f: TFindingFilters,
  before: string | undefined,
  signal?: AbortSignal,
) {
  const q = findingsSearch(f);
  if (f.status !== "open") q.set("status", f.status);
  if (before) q.set("before", before);
  return apiFetch<TFindingPage>(`/api/reconciliation/findings?${q}`, { signal });
}
export const runNow = (windowHours?: number) =>
  apiFetch<z.infer<typeof ZRunResult>>("/api/reconciliation/runs", {
    method: "POST",
    body: windowHours ? { windowHours } : {},
  });
export const resolveFinding = (id: string, reason: string) =>
  apiFetch<z.infer<typeof ZFindingChange>>(`/api/reconciliation/findings/${id}/resolve`, {
    method: "POST",
    body: { reason },
  });
