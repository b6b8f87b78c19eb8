import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { attemptEvents } from "./attempt-events";
import { notesForTimeline } from "../notes/notes";
import { maskText } from "../operations/mask";
import { auditTitle, driftTitle, policyTitle, timelineTitle } from "./timeline-title";

export type TTimelineKind =
  | "created"
  | "policy"
  | "approval"
  | "attempt"
  | "confirmation"
  | "webhook"
  | "state"
  | "reconciliation"
  | "note"
  | "audit";
export type TTimelineEvent = {
  at: Date;
  kind: TTimelineKind;
  /** English, for API consumers and logs; the browser words titleCode + titleParams instead. */
  title: string;
  titleCode: string; // timeline-title.ts: TIMELINE_TITLE_CODES
  titleParams: Record<string, string | number>;
  actor: string | null;
  tone: "neutral" | "good" | "bad" | "warn";
  ids: {
    requestId?: string;
    monoLogId?: string | null;
    idempotencyKey?: string | null;
    callId?: string;
    monoObjectId?: string | null;
    auditSeq?: string;
  };
  details: Record<string, unknown>;
};
export type TTimeline = {
  operationId: string;
  state: string;
  events: TTimelineEvent[];
  truncated: boolean;
};

const LIMIT = 1_000; // per source; an operation with more is summarised, never scanned unbounded
// Audit actions folded into richer events (the created + policy events, the approval rows).
const FOLDED = new Set(["operation.created", "operation.approval_given"]);
const KIND_OF = (action: string): TTimelineKind =>
  action.startsWith("operation.") ? "state" : "audit";
const TONE: Record<string, TTimelineEvent["tone"]> = {
  "operation.accepted": "good",
  "operation.settled": "good",
  "operation.approved": "good",
  "operation.recorded_from_mono": "good",
  "operation.failed": "bad",
  "operation.rejected": "bad",
  "operation.marked_failed": "bad",
  "operation.needs_attention": "warn",
};

// Everything that happened to one operation, in time order: created (who, reason, ticket), the
// policy decision, approvals, each attempt to Mono (with the delay before it and why), webhooks,
// confirmations, reconciliation findings and audit entries. Every source is read through an index
// on the operation id (or its Mono id for webhooks that arrived before they could be linked).
export async function buildTimeline(id: string): Promise<TTimeline> {
  const op = await db.operation.findUnique({ where: { id }, include: { approvals: true } });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const [attempts, audit, webhooks, byObject, drifts, users, notes] = await Promise.all([
    db.requestLog.findMany({
      where: { operationId: id },
      orderBy: { at: "asc" },
      take: LIMIT,
      select: {
        requestId: true,
        monoLogId: true,
        idempotencyKey: true,
        callId: true,
        attempt: true,
        method: true,
        path: true,
        endpoint: true,
        status: true,
        statusClass: true,
        errorCode: true,
        durationMs: true,
        delayBeforeMs: true,
        delayReason: true,
        at: true,
      },
    }),
    db.auditEvent.findMany({
      where: { targetType: "operation", targetId: id },
      orderBy: { seq: "asc" },
      take: LIMIT,
    }),
    db.webhookEvent.findMany({
      where: { operationId: id },
      orderBy: { receivedAt: "asc" },
      take: LIMIT,
      select: WEBHOOK_SELECT,
    }),
    op.monoId
      ? db.webhookEvent.findMany({
          where: { objectId: op.monoId },
          orderBy: { receivedAt: "asc" },
          take: LIMIT,
          select: WEBHOOK_SELECT,
        })
      : Promise.resolve([]),
    db.drift.findMany({ where: { operationId: id }, orderBy: { createdAt: "asc" }, take: LIMIT }),
    db.user.findMany({
      where: { id: { in: [op.createdById, ...op.approvals.map((a) => a.approverId)] } },
      select: { id: true, email: true },
    }),
    notesForTimeline(id),
  ]);
  const emailOf = (uid: string) => users.find((u) => u.id === uid)?.email ?? uid;
  const events: TTimelineEvent[] = [];

  const created = audit.find((a) => a.action === "operation.created");
  const cd = (created?.details ?? {}) as Record<string, unknown>;
  events.push({
    at: op.createdAt,
    kind: "created",
    ...timelineTitle("created"),
    actor: emailOf(op.createdById),
    tone: "neutral",
    ids: { idempotencyKey: op.idempotencyKey },
    details: {
      reason: op.reason,
      ticketRef: op.ticketRef,
      kind: op.kind,
      amount: op.amount,
      currency: op.currency,
      sourceAccountId: op.sourceAccountId,
      externalId: op.externalId,
      duplicateReason: op.duplicateReason,
    },
  });
  events.push({
    at: op.createdAt,
    kind: "policy",
    ...policyTitle(op.requiredApprovals, op.stepUpRequired),
    actor: "guard",
    tone: "neutral",
    ids: {},
    details: {
      policyVersion: op.policyVersion,
      tier: cd.tier ?? null,
      requiredApprovals: op.requiredApprovals,
      stepUpRequired: op.stepUpRequired,
      availableAtCreation: cd.available ?? null,
      feeEstimate: op.feeEstimate,
    },
  });
  for (const a of op.approvals) {
    events.push({
      at: a.at,
      kind: "approval",
      ...timelineTitle(a.decision === "approved" ? "approval.approved" : "approval.rejected"),
      actor: emailOf(a.approverId),
      tone: a.decision === "approved" ? "good" : "bad",
      ids: {},
      details: {
        comment: a.comment,
        stepUp: a.stepUp,
        fingerprintStillCurrent: a.fingerprint === op.fingerprint,
      },
    });
  }
  events.push(...attemptEvents(attempts));
  const seenWebhooks = new Set<bigint>();
  for (const w of [...webhooks, ...byObject]) {
    if (seenWebhooks.has(w.id)) continue;
    seenWebhooks.add(w.id);
    events.push({
      at: w.receivedAt,
      kind: "webhook",
      ...timelineTitle("webhook", { type: w.type }),
      actor: "Mono",
      tone: w.processingResult === "error" ? "bad" : "neutral",
      ids: { monoObjectId: w.objectId },
      details: {
        signature: w.signatureResult,
        processing: w.processingResult,
        processingError: w.processingError,
        deliveries: w.deliveries,
        eventTimestamp: w.eventTimestamp,
      },
    });
  }
  for (const d of drifts) {
    events.push({
      at: d.createdAt,
      kind: "reconciliation",
      ...driftTitle(d.kind),
      actor: "reconciliation",
      tone: d.resolvedAt ? "neutral" : d.severity === "critical" ? "bad" : "warn",
      ids: { monoObjectId: d.monoObjectId },
      details: {
        severity: d.severity,
        runId: d.runId,
        resolvedAt: d.resolvedAt,
        resolution: d.resolution,
      },
    });
  }
  // Notes (lib/notes/): free text, masked as every free text the console shows; edits keep their
  // history, the timeline shows the current text and when it was last edited.
  for (const n of notes.notes) {
    events.push({
      at: n.createdAt,
      kind: "note",
      ...(n.version > 1
        ? timelineTitle("note_edited", { version: n.version })
        : timelineTitle("note")),
      actor: n.authorEmail,
      tone: "neutral",
      ids: {},
      details: {
        noteId: n.id,
        note: maskText(n.body),
        version: n.version,
        updatedAt: n.updatedAt,
      },
    });
  }
  for (const a of audit) {
    if (FOLDED.has(a.action)) continue;
    const details = a.details as Record<string, unknown>;
    const confirmation = typeof details.confirmedBy === "string";
    events.push({
      at: a.at,
      kind: confirmation ? "confirmation" : KIND_OF(a.action),
      ...auditTitle(a.action),
      actor: a.actorEmail,
      tone: TONE[a.action] ?? "neutral",
      ids: {
        auditSeq: a.seq.toString(),
        monoLogId: typeof details.monoLogId === "string" ? details.monoLogId : undefined,
      },
      details,
    });
  }
  // Stable: same-instant events keep the order they were added in (created before policy, …).
  const ordered = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map((x) => x.e);
  const truncated = [attempts, audit, webhooks, drifts].some((rows) => rows.length >= LIMIT);
  return { operationId: id, state: op.state, events: ordered, truncated };
}

const WEBHOOK_SELECT = {
  id: true,
  type: true,
  objectId: true,
  signatureResult: true,
  processingResult: true,
  processingError: true,
  deliveries: true,
  eventTimestamp: true,
  receivedAt: true,
} as const;
