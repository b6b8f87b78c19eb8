import "server-only";
import type { TJobDef } from "./types";
import { operationJobs } from "../operations/jobs";
import { alertJobs } from "../alerts/jobs";
import { metricsJobs } from "../metrics/jobs";
import { webhookJobs } from "../webhooks/jobs";
import { reconcileJobs } from "../reconcile/jobs";
import { partitionJobs } from "../partitions/jobs";
import { notificationJobs } from "../notifications/jobs";

// Every background job of the console. Each area exports its definitions; add yours here.
export const JOBS: TJobDef[] = [
  ...(operationJobs as TJobDef[]),
  ...alertJobs,
  ...metricsJobs,
  ...webhookJobs,
  ...reconcileJobs,
  ...partitionJobs,
  ...notificationJobs,
];
