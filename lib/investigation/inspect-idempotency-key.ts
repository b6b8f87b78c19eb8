import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { MONO_IDEMPOTENCY_WINDOW_MS } from "../operations/mono-window";
import { sendLeaseMs } from "../operations/send-operation";
import { compareSentBodies } from "./compare-sent-bodies";
import { payloadReason, split } from "./recovery-words";

// The idempotency-key inspector: what this key is for, whether someone holds its send
// lease and for how long, every attempt sent with it, how long Mono will still remember it, and
// whether it was ever used with another payload (field-by-field diff).
export async function inspectIdempotencyKey(key: string, now = new Date()) {
  const [op, attempts, inbound] = await Promise.all([
    db.operation.findUnique({
      where: { idempotencyKey: key },
      select: {
        id: true,
        kind: true,
        state: true,
        externalId: true,
        fingerprint: true,
        monoRequest: true,
        monoId: true,
        monoState: true,
        attemptCount: true,
        lastErrorCode: true,
        lastErrorMessage: true,
        lockedUntil: true,
        lockedBy: true,
        firstSentAt: true,
        createdAt: true,
      },
    }),
    db.requestLog.findMany({
      where: { idempotencyKey: key },
      orderBy: { at: "asc" },
      take: 500,
      select: {
        requestId: true,
        monoLogId: true,
        callId: true,
        attempt: true,
        method: true,
        endpoint: true,
        status: true,
        statusClass: true,
        errorCode: true,
        durationMs: true,
        delayBeforeMs: true,
        delayReason: true,
        at: true,
        operationId: true,
      },
    }),
    db.inboundRequest.findMany({
      where: { key },
      orderBy: { createdAt: "asc" },
      take: 20,
      select: {
        userId: true,
        route: true,
        state: true,
        requestHash: true,
        responseStatus: true,
        lockedUntil: true,
        createdAt: true,
      },
    }),
  ]);
  if (!op && attempts.length === 0 && inbound.length === 0)
    throw AppError.worded("not_found", consoleWords("idempotency_key_unseen"));

  const users = await db.user.findMany({
    where: { id: { in: inbound.map((i) => i.userId) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const windowStart = op?.firstSentAt ?? attempts[0]?.at ?? null;
  const windowEnd = windowStart
    ? new Date(windowStart.getTime() + MONO_IDEMPOTENCY_WINDOW_MS)
    : null;
  const leaseTakenAt = op?.lockedUntil ? new Date(op.lockedUntil.getTime() - sendLeaseMs()) : null;
  const comparison = await compareSentBodies(
    key,
    op ? { monoRequest: op.monoRequest, fingerprint: op.fingerprint } : null,
  );
  const hashes = new Set(inbound.map((i) => i.requestHash));
  const reasons = split([
    ...comparison.reasons,
    ...(hashes.size > 1 ? [payloadReason.consolePayloadsDiffer()] : []),
  ]);

  return {
    key,
    operation: op ? { ...op, monoRequest: undefined } : null,
    lease: {
      active: !!op?.lockedUntil && op.lockedUntil > now,
      lockedUntil: op?.lockedUntil ?? null,
      lockedBy: op?.lockedBy ?? null,
      ageMs: leaseTakenAt ? Math.max(0, now.getTime() - leaseTakenAt.getTime()) : null,
    },
    window: {
      startedAt: windowStart,
      endsAt: windowEnd,
      leftMs: windowEnd ? Math.max(0, windowEnd.getTime() - now.getTime()) : null,
      expired: !!windowEnd && windowEnd <= now,
      startedBy: op?.firstSentAt
        ? "first send of the operation"
        : windowStart
          ? "first logged attempt"
          : null,
    },
    attempts,
    consoleRequests: inbound.map((i) => ({
      ...i,
      userId: undefined,
      user: emailOf.get(i.userId) ?? null,
    })),
    mismatch: {
      detected: !comparison.matches || hashes.size > 1,
      reasons: reasons.texts, // English
      reasonCodes: reasons.codes, // the same as codes and values (recovery-words.ts), in order
      baseline: comparison.baseline,
      diffs: comparison.diffs,
    },
  };
}
export type TKeyInspection = Awaited<ReturnType<typeof inspectIdempotencyKey>>;
