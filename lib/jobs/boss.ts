import "server-only";
import PgBoss from "pg-boss";
import { env } from "../env";
import { pgConnectionConfig } from "../db-url";
import { logger } from "../logger";

// One pg-boss instance per process, on the console's own PostgreSQL (schema "pgboss"), so N
// console instances share one queue and never double-process a job.
const g = globalThis as unknown as { __monoBoss?: Promise<PgBoss> };

export function getBoss(): Promise<PgBoss> {
  g.__monoBoss ??= (async () => {
    const c = pgConnectionConfig(env.DATABASE_URL);
    // At most 4 connections: the queue's own polling and job bookkeeping, not the request path.
    const boss = new PgBoss({
      ...c,
      schema: "pgboss",
      max: Math.min(4, env.DATABASE_POOL_MAX),
      supervise: true,
      schedule: false,
      migrate: true,
    });
    boss.on("error", (err) => logger.error({ err }, "job queue error"));
    await boss.start();
    return boss;
  })();
  return g.__monoBoss;
}

/** Whether this process runs the job queue (the workers started it); tests and JOBS_DISABLED don't. */
export function isQueueStarted(): boolean {
  return g.__monoBoss !== undefined;
}

/** Enqueues one job now (e.g. processing one webhook event). */
export async function enqueue(
  name: string,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(name, data, { retryLimit: 5, retryDelay: 2, retryBackoff: true, ...options });
}

/**
 * Stops this process's queue gracefully: no new job is fetched, running handlers get up to
 * `timeoutMs` to finish, then the queue's connections close. A handler cut short is retried by
 * another process (every handler is idempotent, lib/jobs/types.ts). No-op when never started.
 */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const started = g.__monoBoss;
  if (!started) return;
  g.__monoBoss = undefined;
  const boss = await started.catch(() => null);
  await boss?.stop({ graceful: true, wait: true, close: true, timeout: timeoutMs });
}
