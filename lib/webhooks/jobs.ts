import "server-only";
import type { TJobDef } from "../jobs/types";
import { processWebhookEvent } from "./process-webhook-event";
import { processPendingEvents } from "./process-pending";
import { detectWebhookGaps } from "./detect-gaps";
import { PROCESS_JOB } from "./enqueue-processing";

export const webhookJobs: TJobDef[] = [
  // Enqueued by the receiver for each new event; pg-boss retries a failure (processing marks the
  // event "error" first, and a later attempt overwrites it).
  { name: PROCESS_JOB, handler: async (d) => processWebhookEvent(String((d as { eventId: string }).eventId)) },
  { name: "webhooks.process-pending", everySeconds: 15, handler: () => processPendingEvents() },
  { name: "webhooks.detect-gaps", everySeconds: 120, handler: () => detectWebhookGaps() },
];
