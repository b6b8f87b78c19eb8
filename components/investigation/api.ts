import { apiFetch } from "../api-client";
import type { TPayloadDiff } from "@/lib/investigation/diff-payloads";
import type { TTimeline, TTimelineEvent } from "@/lib/api/resources/investigation";
import type { TRecoveryAction, TVerdictCode } from "@/lib/investigation/retry-verdict";

// The timeline's response schema (lib/api/resources/investigation.ts): details arrive masked.
export type { TTimeline, TTimelineEvent };

export type TSafeToRetry = {
  operationId: string;
  facts: {
    state: string;
    leaseActive: boolean;
    neverSent: boolean;
    insideWindow: boolean;
    payloadMatches: boolean;
    monoHasIt: "yes" | "no" | "unknown";
    windowEndsAt: string | null;
    windowLeftMs: number | null;
    lockedUntil: string | null;
    attemptCount: number;
    lastErrorCode: string | null;
  };
  mono: { presence: string; monoId?: string; monoState?: string; evidence: string[] } | null;
  payloadReasons: string[];
  verdict: { code: TVerdictCode; headline: string; why: string; allowed: TRecoveryAction[] };
};

export type TAttemptRow = {
  requestId: string;
  monoLogId: string | null;
  callId: string;
  attempt: number;
  method: string;
  endpoint: string;
  status: number | null;
  statusClass: string;
  errorCode: string | null;
  durationMs: number;
  delayBeforeMs: number;
  delayReason: string | null;
  at: string;
  operationId: string | null;
};
export type TKeyInspection = {
  key: string;
  operation: {
    id: string;
    kind: string;
    state: string;
    externalId: string;
    monoId: string | null;
    attemptCount: number;
    lastErrorCode: string | null;
    firstSentAt: string | null;
  } | null;
  lease: {
    active: boolean;
    lockedUntil: string | null;
    lockedBy: string | null;
    ageMs: number | null;
  };
  window: {
    startedAt: string | null;
    endsAt: string | null;
    leftMs: number | null;
    expired: boolean;
    startedBy: string | null;
  };
  attempts: TAttemptRow[];
  consoleRequests: {
    route: string;
    state: string;
    requestHash: string;
    responseStatus: number | null;
    createdAt: string;
    user: string | null;
  }[];
  mismatch: {
    detected: boolean;
    reasons: string[];
    baseline: string | null;
    diffs: { requestId: string; monoLogId: string | null; at: string; diff: TPayloadDiff[] }[];
  };
};

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
  apiFetch<{ action: TRecoveryAction; outcome: string; after: TSafeToRetry }>(
    `/api/operations/${id}/recovery`,
    { method: "POST", body, headers: { "idempotency-key": key } },
  );
export const evidenceUrl = (id: string) => `/api/operations/${id}/evidence`;
