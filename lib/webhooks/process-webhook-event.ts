import "server-only";
import { sql } from "kysely";
import { db, jsonb, sqlDb } from "../db";
import { logger } from "../logger";
import { invalidateMonoCache } from "../mono";
import { confirmOperation } from "../operations/confirm-operation";
import { FINAL_STATES } from "../operations/transition";
import type { TAuditContext } from "../audit/record-audit";
import { mapEventToOperation } from "./map-event";
import { recordFinalStateCorrection } from "./record-final-state-correction";
import { UNPROCESSABLE } from "./store-events";

// Processing one stored event (a drain on the job queue, an admin's reprocess, or a test calling
// it directly). Idempotent: an event already processed is left alone
// unless `force`. The event only says "look at object X": the operation moves solely through
// confirmOperation (a GET to Mono, then transition() from "accepted"), so duplicates and
// out-of-order deliveries can never move a state backwards.

export type TProcessingResult = "applied" | "ignored_stale" | "correction" | "external" | "error";
export type TProcessOutcome = {
  eventId: string;
  result: TProcessingResult | "missing" | "skipped";
  operationId: string | null;
  details?: Record<string, unknown>;
};

const SYSTEM: TAuditContext = { actorEmail: "system:webhooks" };
const RETRY_AFTER_MS = 60_000;
const RETRY_FOR_MS = 24 * 3_600_000;
type TData = Record<string, unknown>;

function invalidateCaches(type: string, data: TData): void {
  const batch = (data.batch ?? {}) as TData;
  for (const id of [data.account_id, batch.account_id])
    if (typeof id === "string") invalidateMonoCache({ kind: "balances", id });
  if (type.startsWith("bank_transfer_") || type.startsWith("batch_"))
    invalidateMonoCache({ kind: "transfers" });
}

async function decide(
  ev: { id: bigint; type: string; data: TData },
  ctx: TAuditContext,
): Promise<{
  result: TProcessingResult;
  operationId: string | null;
  details: Record<string, unknown>;
}> {
  const mapping = await mapEventToOperation(ev.type, ev.data);
  if (mapping.operationId === null)
    return { result: "external", operationId: null, details: { why: mapping.why } };
  const operationId = mapping.operationId;
  const op = await sqlDb
    .selectFrom("Operation")
    .select("state")
    .where("id", "=", operationId)
    .executeTakeFirst();
  if (!op) throw new Error(`operation ${operationId} not found`);
  if (
    ev.type === "bank_transfer_change_final_state" &&
    (op.state === "settled" || op.state === "failed")
  ) {
    const c = await recordFinalStateCorrection({ operationId, webhookEventId: ev.id, ctx });
    if (c && (c.outcomeChanged || c.changes.length > 0))
      return { result: "correction", operationId, details: { correction: c } };
    return {
      result: "ignored_stale",
      operationId,
      details: { state: op.state, note: "Mono's transfers already match the recorded final state" },
    };
  }
  if ((FINAL_STATES as readonly string[]).includes(op.state))
    return {
      result: "ignored_stale",
      operationId,
      details: {
        state: op.state,
        note: "the operation is already final; an event cannot move it back",
      },
    };
  if (op.state !== "accepted")
    return {
      result: "applied",
      operationId,
      details: { state: op.state, note: "not accepted yet: the send path records Mono's answer" },
    };
  const r = await confirmOperation(operationId, ctx);
  return {
    result: "applied",
    operationId,
    details: { from: op.state, state: r.state, changed: r.changed },
  };
}

// Kysely for the reads and the success write: a drain runs them for every event, and Prisma 6
// compiles each ORM query on the main thread the receiver's acknowledgements share. The rare
// failure write below is plain Prisma CRUD.
export async function processWebhookEvent(
  id: bigint | string,
  o: { force?: boolean; ctx?: TAuditContext } = {},
): Promise<TProcessOutcome> {
  const eventId = BigInt(id);
  const ev = await sqlDb
    .selectFrom("WebhookEvent")
    .select([
      "id",
      "type",
      "data",
      "receivedAt",
      "processedAt",
      "processingResult",
      "operationId",
      sql<boolean>`("processingDetails" -> ${UNPROCESSABLE}::text) IS NOT NULL`.as("unprocessable"),
    ])
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!ev) return { eventId: eventId.toString(), result: "missing", operationId: null };
  // Kept as received but its data could not be stored (store-events.ts): nothing to process, even
  // when forced.
  if (ev.unprocessable)
    return {
      eventId: eventId.toString(),
      result: "error",
      operationId: null,
      details: { why: "unprocessable: the event's data could not be stored" },
    };
  if (ev.processedAt && ev.processingResult !== "error" && !o.force)
    return { eventId: eventId.toString(), result: "skipped", operationId: ev.operationId };
  const data = (ev.data ?? {}) as TData;
  try {
    invalidateCaches(ev.type, data);
    const d = await decide({ id: ev.id, type: ev.type, data }, o.ctx ?? SYSTEM);
    await sqlDb
      .updateTable("WebhookEvent")
      .set({
        processedAt: new Date(),
        leaseUntil: null,
        processingResult: d.result,
        processingError: null,
        operationId: d.operationId,
        external: d.result === "external",
        processingDetails: jsonb(d.details),
      })
      .where("id", "=", eventId)
      .execute();
    return {
      eventId: eventId.toString(),
      result: d.result,
      operationId: d.operationId,
      details: d.details,
    };
  } catch (err) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    logger.warn(
      { err, webhookEventId: eventId.toString(), type: ev.type },
      "webhook processing failed",
    );
    // Mono retries a delivery for ~8.4 h; an event that failed (Mono unreachable, a bug) stays
    // pending with a lease as back-off, so a drain retries it a minute later — for a day at most.
    const now = Date.now();
    const retry = now - ev.receivedAt.getTime() < RETRY_FOR_MS;
    await db.webhookEvent.update({
      where: { id: eventId },
      data: {
        processedAt: retry ? null : new Date(now),
        leaseUntil: new Date(now + RETRY_AFTER_MS),
        processingResult: "error",
        processingError: message.slice(0, 1000),
      },
    });
    throw err;
  }
}
