import "server-only";
import { logger } from "../logger";
import { setMonoHooks } from "../mono";
import { recordAudit } from "../audit/record-audit";
import { startWorkers } from "./start-workers";
import { ensurePartitions } from "../partitions/maintain";

// Process start-up for the server side: wire the Mono breaker into the audit log, create the
// history partitions ahead, then start the job workers. A queue failure is logged, never fatal: the web console keeps serving.
export async function startBackground(): Promise<void> {
  setMonoHooks({
    onBreakerStateChange: (change) => {
      logger.warn({ breaker: change }, "Mono circuit breaker changed state");
      void recordAudit({
        action: `mono.breaker.${change.to}`,
        details: { ...change },
        ctx: { actorEmail: "system:mono-client" },
      }).catch((err) => logger.error({ err }, "could not audit a breaker change"));
    },
  });
  // The history tables' next days exist before the first insert of the day needs them (the
  // DEFAULT partition would take the rows otherwise, and the daily job would move them later).
  try {
    const created = await ensurePartitions();
    if (created.length) logger.info({ created }, "history partitions created");
  } catch (err) {
    logger.error({ err }, "could not create the history partitions");
  }
  try {
    await startWorkers();
  } catch (err) {
    logger.error({ err }, "background workers did not start");
  }
}
