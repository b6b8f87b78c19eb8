import "server-only";
import { enqueue } from "../jobs/boss";
import type { TLogger } from "../logger";

export const PROCESS_JOB = "webhooks.process";

// Enqueues only when this process runs the job queue (npm start: instrumentation.ts started the
// workers, which creates the pg-boss instance on globalThis — see lib/jobs/boss.ts). Elsewhere
// (tests, an instance with JOBS_DISABLED) nothing is started from a request: the stored event is
// picked up by the "webhooks.process-pending" sweep or processed directly (processWebhookEvent).
// A failed enqueue never fails the delivery: the event is stored, the sweep will find it.
function queueRunsHere(): boolean {
  return Boolean((globalThis as { __monoBoss?: unknown }).__monoBoss);
}

export async function enqueueProcessing(eventId: bigint, log: TLogger): Promise<boolean> {
  if (!queueRunsHere()) return false;
  try {
    await enqueue(PROCESS_JOB, { eventId: eventId.toString() });
    return true;
  } catch (err) {
    log.warn({ err, eventId: eventId.toString() }, "could not enqueue webhook processing; the sweep will pick it up");
    return false;
  }
}
