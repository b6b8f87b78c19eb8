import { apiFetch } from "../api-client";
import type { TPolicySettings } from "@/lib/guard/policy-schema";

export type TPolicy = { version: number; settings: TPolicySettings };

export const policyKeys = {
  all: ["policy"] as const,
  current: () => [...policyKeys.all, "current"] as const,
};

export const fetchPolicy = (signal?: AbortSignal) => apiFetch<TPolicy>("/api/policy", { signal });
export const savePolicyRequest = (body: {
  settings: TPolicySettings;
  expectedVersion: number;
  reason: string;
}) => apiFetch<TPolicy>("/api/policy", { method: "PUT", body });
