import "server-only";
import type { TDb } from "@/lib/db";

// Retention for RequestLog (default 90 days, MONO_REQUEST_LOG_RETENTION_DAYS). Deletes in batches
// by primary key so one run never holds a long lock or a huge transaction on a busy table; the job
// queue (later) schedules it. Uses the (at) index to find old rows.

export type TPruneOptions = {
  olderThanDays: number;
  batchSize?: number;
  maxBatches?: number;
  db?: TDb;
  now?: Date;
};

export async function pruneRequestLog(
  options: TPruneOptions,
): Promise<{ deleted: number; batches: number }> {
  const { olderThanDays, batchSize = 5_000, maxBatches = 1_000 } = options;
  if (!Number.isFinite(olderThanDays) || olderThanDays < 1)
    throw new Error("olderThanDays must be at least 1");
  const db = options.db ?? (await import("@/lib/db")).db;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThanDays * 86_400_000);
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await db.$executeRaw`
      DELETE FROM "RequestLog" WHERE "id" IN (
        SELECT "id" FROM "RequestLog" WHERE "at" < ${cutoff} ORDER BY "at" LIMIT ${batchSize}
      )`;
    batches++;
    deleted += n;
    if (n < batchSize) break;
  }
  return { deleted, batches };
}
