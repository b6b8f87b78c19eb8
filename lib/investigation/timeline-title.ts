import { DRIFT_KINDS, type TDriftKind } from "../reconcile/list-query";

// The words of a timeline event's title. The server answers a stable `titleCode` + `titleParams`
// beside its English `title` (API consumers and logs read that one); the browser words the code
// from the investigation catalogue (timeline.titles.<code>) and falls back to `title` for a code
// it does not know. Pure, and the only place the English is written: build-timeline and
// attempt-events call timelineTitle(), and a unit test holds the English catalogue, rendered with
// the same params, equal to it for every code.
//
// Params are what is not translated (endpoints, statuses, error codes, webhook types) or numbers;
// a drift kind or an audit action is part of the code, so each has its own words.

/** Audit actions on an operation that the timeline shows as their own event (not folded). */
const AUDIT_ENGLISH = {
  "operation.accepted": "Accepted",
  "operation.approved": "Approved",
  "operation.cancelled": "Cancelled",
  "operation.edited": "Edited",
  "operation.evidence_exported": "Evidence exported",
  "operation.expired": "Expired",
  "operation.failed": "Failed",
  "operation.final_state_corrected": "Final state corrected",
  "operation.marked_failed": "Marked failed",
  "operation.needs_attention": "Needs attention",
  "operation.reconcile_checked": "Reconcile checked",
  "operation.recorded_from_mono": "Recorded from Mono",
  "operation.rejected": "Rejected",
  "operation.retry_requested": "Retry requested",
  "operation.send_deferred": "Send deferred",
  "operation.settled": "Settled",
  "operation.transfer_state_corrected": "Transfer state corrected",
  "operation.webhook_gap": "Webhook gap",
  "pii.revealed": "PII revealed",
  "ticket.linked": "Ticket linked",
} as const;
export type TTimelineAuditAction = keyof typeof AUDIT_ENGLISH;
export const TIMELINE_AUDIT_ACTIONS = Object.keys(AUDIT_ENGLISH) as TTimelineAuditAction[];

type TParams = Record<string, string | number>;
const s = (p: TParams, k: string) => String(p[k] ?? "");

// code → English. Nested codes (policy.*, approval.*, reconciliation.*, audit.*) are nested keys
// in the catalogue: audit.operation.settled is timeline.titles.audit.operation.settled.
const ENGLISH = {
  created: () => "Created",
  "policy.none": () => "Policy: sent without approval",
  "policy.approvals": (p) =>
    `Policy: ${s(p, "count")} approval${Number(p.count) > 1 ? "s" : ""} needed`,
  "policy.approvals_step_up": (p) =>
    `Policy: ${s(p, "count")} approval${Number(p.count) > 1 ? "s" : ""} needed, with step-up`,
  "approval.approved": () => "Approved",
  "approval.rejected": () => "Rejected",
  attempt: (p) => `Attempt ${s(p, "attempt")}: ${s(p, "endpoint")} → ${s(p, "status")}`,
  attempt_no_response: (p) =>
    `Attempt ${s(p, "attempt")}: ${s(p, "endpoint")} → no response (${s(p, "error")})`,
  read: (p) => `Read: ${s(p, "endpoint")} → ${s(p, "status")}`,
  read_no_response: (p) => `Read: ${s(p, "endpoint")} → no response (${s(p, "error")})`,
  read_retry: (p) => `Read (attempt ${s(p, "attempt")}): ${s(p, "endpoint")} → ${s(p, "status")}`,
  read_retry_no_response: (p) =>
    `Read (attempt ${s(p, "attempt")}): ${s(p, "endpoint")} → no response (${s(p, "error")})`,
  webhook: (p) => `Webhook ${s(p, "type")}`,
  "reconciliation.other": (p) => `Reconciliation: ${s(p, "kind")}`,
  note: () => "Note",
  note_edited: (p) => `Note (edited, version ${s(p, "version")})`,
  "audit.other": (p) => s(p, "action"),
} satisfies Record<string, (p: TParams) => string>;

export type TTimelineTitleCode =
  keyof typeof ENGLISH | `reconciliation.${TDriftKind}` | `audit.${TTimelineAuditAction}`;
/** Every code the server can produce. */
export const TIMELINE_TITLE_CODES: readonly TTimelineTitleCode[] = [
  ...(Object.keys(ENGLISH) as (keyof typeof ENGLISH)[]),
  ...DRIFT_KINDS.map((k) => `reconciliation.${k}` as const),
  ...TIMELINE_AUDIT_ACTIONS.map((a) => `audit.${a}` as const),
];

function english(code: TTimelineTitleCode, p: TParams): string {
  if (code in ENGLISH) return ENGLISH[code as keyof typeof ENGLISH](p);
  if (code.startsWith("audit.")) return AUDIT_ENGLISH[code.slice(6) as TTimelineAuditAction];
  return `Reconciliation: ${spaced(code.slice("reconciliation.".length))}`;
}

export type TTimelineTitle = { title: string; titleCode: string; titleParams: TParams };

/** The English title of a code with its params (what the API's `title` says). */
export function timelineTitle(code: TTimelineTitleCode, params: TParams = {}): TTimelineTitle {
  return { title: english(code, params), titleCode: code, titleParams: params };
}

function spaced(code: string): string {
  return code.replace(/_/g, " ");
}

/** A reconciliation finding's title: its kind's own words, or the kind spelt out. */
export function driftTitle(kind: string): TTimelineTitle {
  return (DRIFT_KINDS as readonly string[]).includes(kind)
    ? timelineTitle(`reconciliation.${kind as TDriftKind}`)
    : timelineTitle("reconciliation.other", { kind: spaced(kind) });
}

/** An audit entry's title: the action's own words, or the action spelt out ("Some action"). */
export function auditTitle(action: string): TTimelineTitle {
  if ((TIMELINE_AUDIT_ACTIONS as readonly string[]).includes(action))
    return timelineTitle(`audit.${action as TTimelineAuditAction}`);
  const verb = spaced(action.replace(/^operation\./, ""));
  return timelineTitle("audit.other", { action: verb.charAt(0).toUpperCase() + verb.slice(1) });
}

/** A policy decision's title. */
export function policyTitle(requiredApprovals: number, stepUp: boolean): TTimelineTitle {
  if (requiredApprovals === 0) return timelineTitle("policy.none");
  return timelineTitle(stepUp ? "policy.approvals_step_up" : "policy.approvals", {
    count: requiredApprovals,
  });
}

/** An HTTP attempt's title: a write ("Attempt n") or a read of the resource, with its outcome. */
export function attemptTitle(r: {
  write: boolean;
  attempt: number;
  endpoint: string;
  status: number | null;
  errorCode: string | null;
}): TTimelineTitle {
  const base = r.write ? "attempt" : r.attempt > 1 ? "read_retry" : "read";
  const withAttempt: TParams = r.write || r.attempt > 1 ? { attempt: r.attempt } : {};
  if (r.status === null)
    return timelineTitle(`${base}_no_response`, {
      ...withAttempt,
      endpoint: r.endpoint,
      error: r.errorCode ?? "network",
    });
  return timelineTitle(base, {
    ...withAttempt,
    endpoint: r.endpoint,
    status: `${r.status}${r.errorCode ? ` ${r.errorCode}` : ""}`,
  });
}

// Why an attempt waited before it (a retry): details.delayReasonCode, worded by
// timeline.delayReasons.<code>; details.delayReason keeps the English.
export const DELAY_REASONS = {
  retry_after: "Mono's Retry-After header",
  backoff: "exponential backoff with jitter",
} as const;
export type TDelayReasonCode = keyof typeof DELAY_REASONS;
