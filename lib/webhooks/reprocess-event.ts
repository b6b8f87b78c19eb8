import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { processWebhookEvent, type TProcessOutcome } from "./process-webhook-event";

// An admin asks for an event to be processed again (after a fix, or to re-check Mono). Audited
// before it runs; processing is the same idempotent path as the queue's, so a reprocess can never
// move an operation backwards either.
export async function reprocessWebhookEvent(
  id: string,
  actor: { email: string },
  ctx: TAuditContext,
): Promise<TProcessOutcome & { error?: string }> {
  const ev = await db.webhookEvent.findUnique({
    where: { id: BigInt(id) },
    select: { id: true, type: true, processingResult: true },
  });
  if (!ev) throw AppError.worded("not_found", consoleWords("no_such", { thing: "webhook" }));
  await recordAudit({
    action: "webhook.reprocessed",
    target: { type: "webhook_event", id },
    details: { type: ev.type, previousResult: ev.processingResult, by: actor.email },
    ctx,
  });
  try {
    return await processWebhookEvent(ev.id, { force: true, ctx });
  } catch (err) {
    return {
      eventId: id,
      result: "error",
      operationId: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
