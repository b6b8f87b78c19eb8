import "server-only";
import { enqueue, isQueueStarted } from "../jobs/boss";
import type { TLogger } from "../logger";

export const DRAIN_JOB = "webhooks.drain";

// The receiver wakes a drain on the job queue instead of enqueuing one job per event: the stored
// row already is the durable queue entry (processedAt null), and pg-boss's worker loop in this
// console takes one job per 0.5 s poll per queue (lib/jobs/start-workers.ts, batchSize 1), far
// below Mono's burst rate. A wake is throttled to one per second per instance (in memory, then
// pg-boss's singleton slot across instances) and never awaited by the delivery.
//
// Only when this process runs the queue (npm start: instrumentation.ts started the workers, which
// creates the pg-boss instance on globalThis — lib/jobs/boss.ts). Elsewhere (tests, an instance
// with JOBS_DISABLED) nothing starts from a request: the "webhooks.process-pending" sweep of an
// instance that runs the queue, or a direct processWebhookEvent call, processes the event.
function queueRunsHere(): boolean {
  return isQueueStarted();
}

let lastWake = 0;

export function wakeDrain(log: TLogger, now: number = Date.now()): boolean {
  if (!queueRunsHere() || now - lastWake < 1_000) return false;
  lastWake = now;
  void enqueue(
    DRAIN_JOB,
    {},
    { singletonKey: DRAIN_JOB, singletonSeconds: 1, retryLimit: 0 },
  ).catch((err) =>
    log.warn({ err }, "could not wake the webhook drain; the sweep will pick the events up"),
  );
  return true;
}
