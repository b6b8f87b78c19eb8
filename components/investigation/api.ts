import { apiFetch } from "../api-client";
import type { z } from "zod";
import type {
  TKeyInspection,
  TRecoveryOutcome,
  TSafeToRetry,
  TTimeline,
  TTimelineEvent,
  ZKeyAttempt,
} from "@/lib/api/resources/investigation";
import type { TRecoveryAction } from "@/lib/investigation/retry-verdict";

// The server's response schemas (lib/api/resources/investigation.ts): details, error messages and
// the diffs' values arrive masked.
export type { TKeyInspection, TSafeToRetry, TTimeline, TTimelineEvent };
export type TAttemptRow = z.infer<typeof ZKeyAttempt>;

export const investigationKeys = {
  all: ["investigation"] as const,
  timeline: (id: string) => [...investigationKeys.all, "timeline", id] as const,
  recovery: (id: string) => [...investigationKeys.all, "recovery", id] as const,
  key: (key: string) => [...investigationKeys.all, "key", key] as const,
};

export const fetchTimeline = (id: string, signal?: AbortSignal) =>
  apiFetch<TTimeline>(`/api/operations/${id}/timeline`, { signal });
export const fetchRecovery = (id: string, signal?: AbortSignal) =>
  apiFetch<TSafeToRetry>(`/api/operations/${id}/recovery`, { signal });
export const fetchKeyInspection = (key: string, signal?: AbortSignal) =>
  apiFetch<TKeyInspection>(`/api/idempotency/${key}`, { signal });
export const postRecoveryAction = (
  id: string,
  body: { action: TRecoveryAction; reason: string },
  key: string,
) =>
  apiFetch<TRecoveryOutcome>(`/api/operations/${id}/recovery`, {
    method: "POST",
    body,
    headers: { "idempotency-key": key },
  });
export const evidenceUrl = (id: string) => `/api/operations/${id}/evidence`;
