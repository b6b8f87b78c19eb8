import "server-only";
import type { TJobDef } from "../jobs/types";
import { pruneRequestLog } from "./prune";
import { requestLogRetentionDays } from "./index";

// Request-log retention (MONO_REQUEST_LOG_RETENTION_DAYS, default 90): pruned in batches daily.
export const monoJobs: TJobDef[] = [
  {
    name: "requests.prune",
    everySeconds: 24 * 3600,
    handler: () => pruneRequestLog({ olderThanDays: requestLogRetentionDays() }),
  },
];
