import { apiFetch } from "../api-client";
import type { TAuditRow } from "@/lib/api/resources/audit";

// The server's response schema (lib/api/resources/audit.ts): details arrive masked.
export type { TAuditRow };
export type TAuditFilters = { action?: string; actor?: string; targetId?: string };

export const auditKeys = {
  all: ["audit"] as const,
  list: (f: TAuditFilters) => [...auditKeys.all, "list", f] as const,
  verify: () => [...auditKeys.all, "verify"] as const,
};

export function fetchAuditPage(f: TAuditFilters, before: string | undefined, signal?: AbortSignal) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  if (before) q.set("before", before);
  return apiFetch<{ events: TAuditRow[]; nextCursor: string | null }>(`/api/audit?${q}`, {
    signal,
  });
}

export const fetchAuditVerdict = (signal?: AbortSignal) =>
  apiFetch<{ ok: boolean; rows: number; brokenAtSeq?: string; reason?: string }>(
    "/api/audit/verify",
    { signal },
  );
