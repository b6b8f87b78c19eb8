import "server-only";
import type { TJobDef } from "../jobs/types";
import { drainWebhookEvents, processClaimed } from "./process-pending";
import { detectWebhookGaps } from "./detect-gaps";
import { DRAIN_JOB } from "./enqueue-processing";

export const webhookJobs: TJobDef[] = [
  // Woken by the receiver (at most once a second): processes pending events until none is left.
  { name: DRAIN_JOB, handler: () => drainWebhookEvents() },
  // Safety net: events whose wake was lost, stored by an instance that does not run the queue, or
  // waiting for a retry after an error.
  {
    name: "webhooks.process-pending",
    everySeconds: 15,
    handler: () => drainWebhookEvents({ budgetMs: 12_000 }),
  },
  // One event by id, for callers that want exactly that one processed on the queue.
  {
    name: "webhooks.process",
    handler: (d) => processClaimed(BigInt(String((d as { eventId: string }).eventId))),
  },
  { name: "webhooks.detect-gaps", everySeconds: 120, handler: () => detectWebhookGaps() },
];
