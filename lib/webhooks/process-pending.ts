import "server-only";
import { db } from "../db";
import { logger } from "../logger";
import { processWebhookEvent } from "./process-webhook-event";

// Safety net for the queue: events stored but never processed (the enqueue was lost, or this
// instance does not run the queue) are processed here, oldest first. The grace period leaves a
// freshly enqueued event to its job.
export async function processPendingEvents(o: { graceMs?: number; limit?: number; now?: Date } = {}): Promise<{ checked: number; failed: number }> {
  const before = new Date((o.now ?? new Date()).getTime() - (o.graceMs ?? 5_000));
  const rows = await db.webhookEvent.findMany({ where: { processedAt: null, receivedAt: { lt: before } }, select: { id: true }, orderBy: { id: "asc" }, take: o.limit ?? 200 });
  let failed = 0;
  for (const r of rows) {
    try {
      await processWebhookEvent(r.id);
    } catch (err) {
      failed++;
      logger.warn({ err, webhookEventId: r.id.toString() }, "pending webhook event failed; it stays marked error");
    }
  }
  return { checked: rows.length, failed };
}
