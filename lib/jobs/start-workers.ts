import "server-only";
import { getBoss } from "./boss";
import { JOBS } from "./registry";
import { logger } from "../logger";

// Starts a worker for every job and, for periodic ones, a throttled send: whatever the number of
// instances, at most one sweep per period is queued (pg-boss singleton slots).
const timers: NodeJS.Timeout[] = [];

export async function startWorkers(): Promise<void> {
  const boss = await getBoss();
  for (const job of JOBS) {
    await boss
      .createQueue(job.name, {
        name: job.name,
        policy: job.everySeconds ? "singleton" : "standard",
      })
      .catch(() => undefined);
    await boss.work(job.name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([j]) => {
      const started = performance.now();
      try {
        await job.handler((j?.data ?? {}) as Record<string, unknown>);
      } catch (err) {
        logger.error({ err, job: job.name }, "job failed");
        throw err; // pg-boss retries it
      } finally {
        logger.debug({ job: job.name, ms: Math.round(performance.now() - started) }, "job done");
      }
    });
    if (job.everySeconds) {
      const period = job.everySeconds;
      // A sweep left "active" by a killed process blocks its singleton queue until it expires:
      // expire within a few periods (pg-boss's default is 15 minutes). Sweeps are idempotent and
      // lease-based, so one that legitimately runs longer may overlap the next one safely.
      // pg-boss refuses lifetimes over 24 h, and a throttle window is a job's singleton slot, so both
      // are capped (a daily sweep still only ticks daily: the interval below decides that).
      const expireInSeconds = Math.min(Math.max(60, period * 4), 6 * 3600);
      const windowSeconds = Math.min(period, 3600);
      const tick = () =>
        void boss
          .sendThrottled(job.name, {}, { retryLimit: 0, expireInSeconds }, windowSeconds)
          .catch((err) => logger.warn({ err, job: job.name }, "could not queue a sweep"));
      tick();
      timers.push(setInterval(tick, period * 1000).unref());
    }
  }
  logger.info({ jobs: JOBS.map((j) => j.name) }, "background workers started");
}

/** Stops the periodic sends (a process shutting down queues nothing more). */
export function stopPeriodicSends(): void {
  for (const t of timers.splice(0)) clearInterval(t);
}
