import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type Selectable } from "kysely";
import type { Operation as TOperationTable } from "@/generated/kysely/types";
import { db, sqlDb } from "../db";
import { logger } from "../logger";
import type { TAuditContext } from "../audit/record-audit";
import { getPolicy, type TPolicy } from "../guard/get-policy";
import { getMonoClient } from "../mono";
import { MonoApiError, MonoCircuitOpenError, MonoError } from "../mono/errors";
import type { TMonoCreatePayoutRequest, TMonoCreateTransfersRequest } from "../mono/contract";
import { recordAccepted } from "./record-accepted";
import { transition } from "./transition";
import { env } from "../env";
import { faultPoint } from "../faults/fault-point";

// How long a send holds its operation (90 s by default) before the recovery job may resume it.
export const sendLeaseMs = (): number => env.SEND_LEASE_MS;
// While Mono's breaker is open, an operation whose outcome is unknown is claimed again every
// BREAKER_RETRY_MS; after MAX_BREAKER_CLAIMS claims (~10 minutes of outage) it goes to a person.
export const BREAKER_RETRY_MS = 30_000;
export const MAX_BREAKER_CLAIMS = 20;
const INSTANCE = `${process.pid}-${randomUUID().slice(0, 8)}`;

export type TSendResult =
  "accepted" | "failed" | "needs_attention" | "paused" | "not_claimed" | "retry_later";

// Claim → send → record (docs/PAYOUTS.md "The write path", phases Claim, Send and C). The claim
// is a conditional update that takes the send lease only when no live lease exists, so two
// instances or two clicks never send the same operation at once. Every attempt carries the
// operation's one idempotency key and one body.
export async function sendOperation(
  id: string,
  // policy: the one the caller read in this same request (Phase A), else read now.
  o: { ctx?: TAuditContext; now?: Date; policy?: TPolicy } = {},
): Promise<TSendResult> {
  if ((o.policy ?? (await getPolicy())).settings.killSwitch) return "paused"; // stays `approved`; the backlog job sends it later
  const now = o.now ?? new Date();
  // One statement: the conditional lease, the attempt count, and the start of Mono's 24 h
  // idempotency window on the first claim (later claims keep it).
  const op = await sqlDb
    .updateTable("Operation")
    .set({
      state: "sending",
      lockedUntil: new Date(now.getTime() + sendLeaseMs()),
      lockedBy: INSTANCE,
      attemptCount: sql`"attemptCount" + 1`,
      firstSentAt: sql`COALESCE("firstSentAt", ${now}::timestamptz)`,
      updatedAt: now,
    })
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("state", "=", "approved"),
        eb.and([eb("state", "=", "sending"), eb("lockedUntil", "<", now)]),
      ]),
    )
    .returning(["id", "kind", "idempotencyKey", "monoRequest", "transferMode", "attemptCount"])
    .executeTakeFirst();
  if (!op) return "not_claimed";
  return deliver(op, o.ctx);
}

// What the claim returns: exactly what a send needs.
type TClaimed = Pick<
  Selectable<TOperationTable>,
  "id" | "kind" | "idempotencyKey" | "monoRequest" | "transferMode" | "attemptCount"
>;

async function deliver(op: TClaimed, ctx?: TAuditContext): Promise<TSendResult> {
  const mono = getMonoClient();
  const options = {
    idempotencyKey: op.idempotencyKey,
    operationId: op.id,
    traffic: op.kind === "transfer_batch" ? ("batch" as const) : ("interactive" as const),
  };
  try {
    if (op.kind === "payout") {
      const r = await mono.createPayout(
        op.monoRequest as unknown as TMonoCreatePayoutRequest,
        options,
      );
      faultPoint("after_mono_response");
      await recordAccepted(
        op,
        {
          monoId: r.payout.id,
          monoState: r.payout.state,
          monoStateReason: r.payout.state_reason,
          sourceAmount: BigInt(r.payout.source_amount.amount),
          replayed: !r.created,
        },
        ctx,
      );
    } else {
      const body = op.monoRequest as unknown as TMonoCreateTransfersRequest;
      const r =
        op.transferMode === "prepare"
          ? await mono.prepareTransfers(body, options)
          : await mono.createTransfers(body, options);
      faultPoint("after_mono_response");
      await recordAccepted(
        op,
        {
          monoId: r.batch.id,
          monoState: r.batch.state,
          monoStateReason: null,
          sourceAmount: null,
          replayed: false,
          transfers: r.transfers,
        },
        ctx,
      );
    }
  } catch (err) {
    return recordFailure(op, err, ctx);
  }
  return "accepted";
}

// Phase C for the unhappy paths. A non-retryable 4xx means Mono refused and nothing moved →
// failed. A 409 means Mono is still working on this key, and an open breaker means Mono is down
// → try again later with the same key. Anything else (retries spent, timeouts) leaves the outcome
// unknown → needs_attention.
async function recordFailure(
  op: TClaimed,
  err: unknown,
  ctx?: TAuditContext,
): Promise<TSendResult> {
  const code =
    err instanceof MonoApiError
      ? (err.errorCode ?? `http_${err.status}`)
      : err instanceof MonoError
        ? err.name
        : "internal_error";
  const message = err instanceof Error ? err.message.slice(0, 500) : String(err);
  const where = { id: op.id, from: ["sending" as const] };
  // Stays `sending` under a short lease: the recovery job sends it again with the same key.
  const retryLater = async (ms: number): Promise<TSendResult> => {
    await db.operation.updateMany({
      where: { id: op.id, state: "sending" },
      data: {
        lockedUntil: new Date(Date.now() + ms),
        lastErrorCode: code,
        lastErrorMessage: message,
      },
    });
    return "retry_later";
  };
  // 409 "in use": Mono is still processing this key (a retry raced the first attempt) → later.
  // 409 "reused" would mean our stored body changed under the same key: never expected → a human.
  if (
    err instanceof MonoApiError &&
    err.status === 409 &&
    err.errorCode !== "idempotency_key_reused"
  ) {
    return retryLater(15_000);
  }
  // The breaker stopped this call — before its first attempt, or between retries: Mono is down,
  // not refusing, and the retries were cut short, not spent. The machine tries again, not a person.
  const breakerStopped =
    err instanceof MonoCircuitOpenError ||
    (err instanceof MonoError && err.call?.stoppedBy === "circuit_open");
  if (err instanceof MonoCircuitOpenError && op.attemptCount <= 1) {
    // Nothing was ever sent for this operation: it simply waits for Mono to come back.
    await transition(sqlDb, {
      ...where,
      to: "approved",
      set: { lockedUntil: null, lastErrorCode: code, lastErrorMessage: message },
      action: "operation.send_deferred",
      details: { error: code },
      ctx,
    });
    return "retry_later";
  }
  if (breakerStopped && op.attemptCount < MAX_BREAKER_CLAIMS) {
    // Something may have been sent (now or in an earlier claim): it stays `sending` under a short
    // lease and the recovery job resumes it with the same key once the breaker lets calls through.
    return retryLater(BREAKER_RETRY_MS);
  }
  // "Nothing moved" is only certain when Mono refused the very first attempt: after an ambiguous
  // attempt (a timeout, a 5xx) a later 4xx does not prove the first one was not committed.
  if (
    err instanceof MonoApiError &&
    !err.retryable &&
    (err.call?.attempts ?? 1) === 1 &&
    op.attemptCount <= 1
  ) {
    await transition(sqlDb, {
      ...where,
      to: "failed",
      set: {
        lockedUntil: null,
        finishedAt: new Date(),
        lastErrorCode: code,
        lastErrorMessage: message,
      },
      action: "operation.failed",
      details: { error: code, monoStatus: err.status, monoLogId: err.logId, nothingMoved: true },
      ctx,
    });
    return "failed";
  }
  logger.warn({ operationId: op.id, code }, "operation outcome unknown after retries");
  await transition(sqlDb, {
    ...where,
    to: "needs_attention",
    set: { lockedUntil: null, lastErrorCode: code, lastErrorMessage: message },
    action: "operation.needs_attention",
    details: { error: code, attempts: op.attemptCount },
    ctx,
  });
  return "needs_attention";
}
