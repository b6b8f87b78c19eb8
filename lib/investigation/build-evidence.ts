import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { toJsonSafe } from "../api/json";
import { createRedactor, maskTail } from "../mono/redact";
import { maskTarget } from "../operations/mask";
import { buildTimeline } from "./build-timeline";

const redactor = createRedactor([]);

// The evidence bundle for escalating to Mono support: what Mono asks for first (the log_ ids),
// our request ids, the idempotency key and external_id, what was sent (masked) and the timeline.
// Document and account numbers are masked (last 4 kept) everywhere in it; exporting is audited.
export async function buildEvidence(id: string, ctx: TAuditContext) {
  const op = await db.operation.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: { position: "asc" },
        take: 1000,
        select: {
          position: true,
          externalId: true,
          monoTransferId: true,
          monoState: true,
          declinationReason: true,
          amount: true,
          accountNumber: true,
        },
      },
    },
  });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const [timeline, requests] = await Promise.all([
    buildTimeline(id),
    db.requestLog.findMany({
      where: { operationId: id },
      orderBy: { at: "asc" },
      take: 1000,
      select: {
        requestId: true,
        monoLogId: true,
        idempotencyKey: true,
        traceId: true,
        callId: true,
        attempt: true,
        method: true,
        path: true,
        status: true,
        errorCode: true,
        durationMs: true,
        delayBeforeMs: true,
        delayReason: true,
        at: true,
      },
    }),
  ]);
  const bundle = {
    format: "mono-ops-evidence/1",
    generatedAt: new Date(),
    generatedBy: ctx.actorEmail ?? null,
    summary: {
      operationId: op.id,
      kind: op.kind,
      state: op.state,
      amount: op.amount,
      currency: op.currency,
      sourceAccountId: op.sourceAccountId,
      externalId: op.externalId,
      idempotencyKey: op.idempotencyKey,
      monoId: op.monoId,
      monoState: op.monoState,
      monoStateReason: op.monoStateReason,
      firstSentAt: op.firstSentAt,
      attemptCount: op.attemptCount,
      lastErrorCode: op.lastErrorCode,
      ticketRef: op.ticketRef,
    },
    monoLogIds: unique(requests.map((r) => r.monoLogId)),
    requestIds: requests.map((r) => r.requestId),
    idempotencyKeys: unique([op.idempotencyKey, ...requests.map((r) => r.idempotencyKey)]),
    requests,
    sentBody: redactor.body(op.monoRequest),
    beneficiary: maskTarget(op.target),
    items: op.items.map((it) => ({ ...it, accountNumber: maskTail(it.accountNumber) })),
    // toJsonSafe first: the redactor walks plain JSON (a Date would lose its value).
    timeline: timeline.events.map((e) => ({ ...e, details: redactor.body(toJsonSafe(e.details)) })),
  };
  await recordAudit({
    action: "operation.evidence_exported",
    target: { type: "operation", id },
    details: { requests: requests.length, logIds: bundle.monoLogIds.length },
    ctx,
  });
  return bundle;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))];
}
