import { apiFetch } from "../api-client";

export type TCheckStatus = "pass" | "warn" | "fail" | "skip";
export type TCheck = {
  id: string;
  title: string;
  status: TCheckStatus;
  detail: string;
  fix?: string;
  ms?: number;
};
export type TReadinessReport = { environment: string; at: string; ok: boolean; checks: TCheck[] };

export const readinessKeys = { all: ["readiness"] as const };
export const fetchReadiness = (signal?: AbortSignal) =>
  apiFetch<TReadinessReport>("/api/readiness", { signal });
