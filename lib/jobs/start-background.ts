import "server-only";
import { logger } from "../logger";
import { setMonoHooks } from "../mono";
import { recordAudit } from "../audit/record-audit";
import { startWorkers } from "./start-workers";

// Process start-up for the server side: wire the Mono breaker into the audit log, then start the
// job workers. A queue failure is logged, never fatal: the web console keeps serving.
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
  try {
    await startWorkers();
  } catch (err) {
    logger.error({ err }, "background workers did not start");
  }
}
