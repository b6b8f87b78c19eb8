import "server-only";
import type { TJobDef } from "../jobs/types";
import { logger } from "../logger";
import { dropExpiredPartitions, ensurePartitions } from "./maintain";

// Daily: the next AHEAD_DAYS days get their partitions, expired days not under a hold are dropped.
export const partitionJobs: TJobDef[] = [
  {
    name: "history.partitions",
    everySeconds: 24 * 3600,
    handler: async () => {
      const created = await ensurePartitions();
      const { dropped, held } = await dropExpiredPartitions();
      if (created.length || dropped.length || held.length)
        logger.info({ created, dropped, held }, "history partitions maintained");
      return { created, dropped, held };
    },
  },
];
