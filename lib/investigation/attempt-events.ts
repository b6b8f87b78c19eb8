import "server-only";
import type { TTimelineEvent } from "./build-timeline";
import { attemptTitle, DELAY_REASONS, type TDelayReasonCode } from "./timeline-title";

type TAttemptRow = {
  requestId: string;
  monoLogId: string | null;
  idempotencyKey: string | null;
  callId: string;
  attempt: number;
  method: string;
  path: string;
  endpoint: string;
  status: number | null;
  statusClass: string;
  errorCode: string | null;
  durationMs: number;
  delayBeforeMs: number;
  delayReason: string | null;
  at: Date;
};

// One event per HTTP attempt. Writes are "attempts"; reads of the resource (GET payout, list
// transfers) are "confirmations". The delay before a retry is what the client logged (backoff or
// Retry-After), plus the gap actually observed since the previous attempt of the same call ended.
export function attemptEvents(rows: TAttemptRow[]): TTimelineEvent[] {
  const lastEndOfCall = new Map<string, number>();
  return rows.map((r) => {
    const prevEnd = lastEndOfCall.get(r.callId);
    lastEndOfCall.set(r.callId, r.at.getTime() + r.durationMs);
    const write = r.method !== "GET";
    const retry = r.attempt > 1;
    const delayReasonCode: TDelayReasonCode | null = retry
      ? r.delayReason === "retry_after"
        ? "retry_after"
        : "backoff"
      : null;
    return {
      at: r.at,
      kind: write ? "attempt" : "confirmation",
      ...attemptTitle({
        write,
        attempt: r.attempt,
        endpoint: r.endpoint,
        status: r.status,
        errorCode: r.errorCode,
      }),
      actor: "console → Mono",
      tone:
        r.statusClass === "2xx"
          ? "good"
          : r.statusClass === "4xx" || r.statusClass === "409"
            ? "bad"
            : "warn",
      ids: {
        requestId: r.requestId,
        monoLogId: r.monoLogId,
        idempotencyKey: r.idempotencyKey,
        callId: r.callId,
      },
      details: {
        attempt: r.attempt,
        method: r.method,
        path: r.path,
        status: r.status,
        statusClass: r.statusClass,
        errorCode: r.errorCode,
        latencyMs: r.durationMs,
        delayBeforeMs: r.delayBeforeMs,
        // English (API consumers, logs); the browser words delayReasonCode.
        delayReason: delayReasonCode ? DELAY_REASONS[delayReasonCode] : null,
        delayReasonCode,
        observedGapMs: prevEnd === undefined ? null : Math.max(0, r.at.getTime() - prevEnd),
      },
    };
  });
}
