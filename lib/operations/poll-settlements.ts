import "server-only";
import { db } from "../db";
import { logger } from "../logger";
import { confirmOperation } from "./confirm-operation";

// The settlement poller: webhooks wake the console, but polling alone must also bring every
// accepted operation to its final state (Mono's API is the truth).
export async function pollSettlements(
  o: { limit?: number; olderThanMs?: number } = {},
): Promise<{ checked: number; finished: number }> {
  const before = new Date(Date.now() - (o.olderThanMs ?? 0));
  const accepted = await db.operation.findMany({
    where: { state: "accepted", acceptedAt: { lt: before } },
    select: { id: true },
    orderBy: { acceptedAt: "asc" },
    take: o.limit ?? 200,
  });
  let finished = 0;
  for (const { id } of accepted) {
    try {
      if ((await confirmOperation(id, { actorEmail: "system:poller" })).changed) finished++;
    } catch (err) {
      logger.warn({ err, operationId: id }, "settlement check failed; will retry");
    }
  }
  return { checked: accepted.length, finished };
}
