import "server-only";
import { sqlDb, type TSqlDb } from "@/lib/db";

// Retention for RequestLog (default 90 days, MONO_REQUEST_LOG_RETENTION_DAYS). Deletes in batches
// by primary key so one run never holds a long lock or a huge transaction on a busy table; the job
// queue schedules it daily. Uses the (at) index to find old rows.

export type TPruneOptions = {
  olderThanDays: number;
  batchSize?: number;
  maxBatches?: number;
  db?: TSqlDb;
  now?: Date;
};

export async function pruneRequestLog(
  options: TPruneOptions,
): Promise<{ deleted: number; batches: number }> {
  const { olderThanDays, batchSize = 5_000, maxBatches = 1_000 } = options;
  if (!Number.isFinite(olderThanDays) || olderThanDays < 1)
    throw new Error("olderThanDays must be at least 1");
  const on = options.db ?? sqlDb;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThanDays * 86_400_000);
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const r = await on
      .deleteFrom("RequestLog")
      .where("id", "in", (eb) =>
        eb
          .selectFrom("RequestLog")
          .select("id")
          .where("at", "<", cutoff)
          .orderBy("at")
          .limit(batchSize),
      )
      .executeTakeFirst();
    const n = Number(r.numDeletedRows);
    batches++;
    deleted += n;
    if (n < batchSize) break;
  }
  return { deleted, batches };
}
