import { apiFetch } from "../api-client";
import type { TPolicySettings } from "@/lib/guard/policy-schema";

import type { TPolicy } from "@/lib/api/resources/policy";

// The server's response schema (lib/api/resources/policy.ts): GET and PUT answer the same shape.
export type { TPolicy };

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
