import "server-only";
import type { TJobDef } from "../jobs/types";
import { AppError } from "../api/app-error";
import { runReconciliation } from "./run-reconciliation";

export const reconcileJobs: TJobDef[] = [
  {
    name: "reconcile.run",
    everySeconds: 3600,
    // A manual run still in progress: skip this hour rather than fail the job.
    handler: () =>
      runReconciliation({ trigger: "schedule" }).catch((err) =>
        err instanceof AppError && err.code === "conflict" ? null : Promise.reject(err),
      ),
  },
];
