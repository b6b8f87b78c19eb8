import "server-only";
import { sqlDb } from "../db";
import { logger } from "../logger";
import { processWebhookEvent } from "./process-webhook-event";

// The WebhookEvent table is the processing queue: a stored row with processedAt null is pending.
// Drains claim a batch with a lease (FOR UPDATE SKIP LOCKED, so drains on several instances take
// disjoint rows and a crashed drain's rows come back when the lease ends), then process it with
// bounded concurrency. They run on the job queue: "webhooks.drain" (woken by the receiver) and
// "webhooks.process-pending" (every 15 s, the safety net).

export const LEASE_MS = 60_000;

export async function claimEvents(
  limit: number,
  o: { id?: bigint; now?: Date } = {},
): Promise<bigint[]> {
  const now = o.now ?? new Date();
  const rows = await sqlDb
    .updateTable("WebhookEvent")
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("WebhookEvent")
        .select("id")
        .where("processedAt", "is", null)
        .where((w) => w.or([w("leaseUntil", "is", null), w("leaseUntil", "<", now)]))
        .$if(o.id !== undefined, (q) => q.where("id", "=", o.id!))
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export type TDrainResult = { processed: number; failed: number };

// Concurrency 2 by default: processing costs several Prisma queries (CPU) and commits per event;
// a wider drain took the CPU the receiver needs for its 2xx during a burst (docs/BENCHMARKS.md).
// Processing lags a burst and catches up after it.
export async function drainWebhookEvents(
  o: { budgetMs?: number; concurrency?: number; batch?: number } = {},
): Promise<TDrainResult> {
  const until = Date.now() + (o.budgetMs ?? 20_000);
  const concurrency = o.concurrency ?? 2;
  const out: TDrainResult = { processed: 0, failed: 0 };
  while (Date.now() < until) {
    const ids = await claimEvents(o.batch ?? concurrency * 8);
    if (ids.length === 0) break;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, ids.length) }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          try {
            await processWebhookEvent(id);
            out.processed++;
          } catch (err) {
            out.failed++;
            logger.warn(
              { err, webhookEventId: id.toString() },
              "webhook event failed; retried after its lease",
            );
          }
        }
      }),
    );
  }
  return out;
}

/** One event, if no one else holds it (the "webhooks.process" job). */
export async function processClaimed(id: bigint): Promise<boolean> {
  const [claimed] = await claimEvents(1, { id });
  if (claimed === undefined) return false;
  await processWebhookEvent(claimed);
  return true;
}
