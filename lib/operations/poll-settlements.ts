import "server-only";
import { db } from "../db";
import { logger } from "../logger";
import { confirmOperation } from "./confirm-operation";

// The settlement poller: webhooks wake the console, but polling alone must also bring every
// accepted operation to its final state (Mono's API is the truth). Checks run a few at a time
// (a check under Mono faults can take seconds of retries, and one slow check must not hold the
// rest for a whole sweep) and stop being started after the time budget, so a sweep ends within a
// few periods of its job; what is left is the next sweep's, oldest first.
export async function pollSettlements(
  o: { limit?: number; olderThanMs?: number; concurrency?: number; budgetMs?: number } = {},
): Promise<{ checked: number; finished: number }> {
  const before = new Date(Date.now() - (o.olderThanMs ?? 0));
  const accepted = await db.operation.findMany({
    where: { state: "accepted", acceptedAt: { lt: before } },
    select: { id: true },
    orderBy: { acceptedAt: "asc" },
    take: o.limit ?? 200,
  });
  const deadline = performance.now() + (o.budgetMs ?? 30_000);
  let next = 0;
  let checked = 0;
  let finished = 0;
  await Promise.all(
    Array.from({ length: Math.min(o.concurrency ?? 4, accepted.length) }, async () => {
      while (next < accepted.length && performance.now() < deadline) {
        const { id } = accepted[next++];
        checked++;
        try {
          if ((await confirmOperation(id, { actorEmail: "system:poller" })).changed) finished++;
        } catch (err) {
          logger.warn({ err, operationId: id }, "settlement check failed; will retry");
        }
      }
    }),
  );
  return { checked, finished };
}
