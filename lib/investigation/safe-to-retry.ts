import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { MONO_IDEMPOTENCY_WINDOW_MS } from "../operations/mono-window";
import { compareSentBodies } from "./compare-sent-bodies";
import { findAtMono, type TMonoPresence } from "./find-at-mono";
import { split, type TCoded } from "./recovery-words";
import {
  decideVerdict,
  RECOVERABLE_STATES,
  type TRetryFacts,
  type TVerdict,
} from "./retry-verdict";

export type TSafeToRetry = {
  operationId: string;
  facts: TRetryFacts & {
    windowEndsAt: Date | null;
    windowLeftMs: number | null;
    lockedUntil: Date | null;
    attemptCount: number;
    lastErrorCode: string | null;
  };
  mono: TMonoPresence | null;
  payloadReasons: string[]; // English
  payloadReasonCodes: TCoded[]; // the same reasons as codes and values, in the same order
  verdict: TVerdict;
};

export function loadForRecovery(id: string) {
  return db.operation.findUnique({
    where: { id },
    include: { items: { select: { id: true, externalId: true }, orderBy: { position: "asc" } } },
  });
}
export type TRecoveryOperation = NonNullable<Awaited<ReturnType<typeof loadForRecovery>>>;

// The facts behind "Safe to retry?": lease, Mono's 24 h window, payload sameness and whether Mono
// already has the operation (looked up by external_id, reads only). Mono is asked only for
// operations the verdict applies to.
export async function safeToRetry(id: string, now = new Date()): Promise<TSafeToRetry> {
  const op = await loadForRecovery(id);
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  return assessRecovery(op, now);
}

export async function assessRecovery(
  op: TRecoveryOperation,
  now = new Date(),
): Promise<TSafeToRetry> {
  const applicable = (RECOVERABLE_STATES as readonly string[]).includes(op.state);
  const leaseActive = !!op.lockedUntil && op.lockedUntil > now;
  const windowEndsAt = op.firstSentAt
    ? new Date(op.firstSentAt.getTime() + MONO_IDEMPOTENCY_WINDOW_MS)
    : null;
  const [comparison, mono] = await Promise.all([
    applicable ? compareSentBodies(op.idempotencyKey, op) : Promise.resolve(null),
    applicable && !(op.state === "sending" && leaseActive) ? findAtMono(op) : Promise.resolve(null),
  ]);
  const facts = {
    state: op.state,
    leaseActive,
    neverSent: !op.firstSentAt,
    insideWindow: !!windowEndsAt && windowEndsAt > now,
    payloadMatches: comparison?.matches ?? true,
    monoHasIt: mono?.presence ?? ("unknown" as const),
    windowEndsAt,
    windowLeftMs: windowEndsAt ? Math.max(0, windowEndsAt.getTime() - now.getTime()) : null,
    lockedUntil: op.lockedUntil,
    attemptCount: op.attemptCount,
    lastErrorCode: op.lastErrorCode,
  };
  const reasons = split(comparison?.reasons ?? []);
  return {
    operationId: op.id,
    facts,
    mono,
    payloadReasons: reasons.texts,
    payloadReasonCodes: reasons.codes,
    verdict: decideVerdict(facts),
  };
}
