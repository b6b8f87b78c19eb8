import { apiFetch } from "../api-client";

import type { TCheck, TCheckStatus, TReadinessReport } from "@/lib/api/resources/health";

// The server's response schema (lib/api/resources/health.ts).
export type { TCheck, TCheckStatus, TReadinessReport };

export const readinessKeys = { all: ["readiness"] as const };
export const fetchReadiness = (signal?: AbortSignal) =>
  apiFetch<TReadinessReport>("/api/readiness", { signal });
