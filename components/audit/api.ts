import { apiFetch } from "../api-client";
import type { z } from "zod";
import type { TAuditRow, TAuditVerdict, ZAuditPage } from "@/lib/api/resources/audit";

// The server's response schemas (lib/api/resources/audit.ts): details arrive masked.
export type { TAuditRow, TAuditVerdict };
type TAuditPage = z.infer<typeof ZAuditPage>;
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
  return apiFetch<TAuditPage>(`/api/audit?${q}`, { signal });
}

export const fetchAuditVerdict = (signal?: AbortSignal) =>
  apiFetch<TAuditVerdict>("/api/audit/verify", { signal });
