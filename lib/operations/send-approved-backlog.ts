import "server-only";
import { db } from "../db";
import { getPolicy } from "../guard/get-policy";
import { sendOperation } from "./send-operation";

// Sends approved operations that are still waiting: held back by the kill switch, deferred while
// Mono's breaker was open, or approved on an instance that died before sending.
export async function sendApprovedBacklog(o: { limit?: number } = {}): Promise<number> {
  if ((await getPolicy()).settings.killSwitch) return 0;
  const waiting = await db.operation.findMany({
    where: { state: "approved" },
    select: { id: true },
    orderBy: { updatedAt: "asc" },
    take: o.limit ?? 100,
  });
  let sent = 0;
  for (const { id } of waiting)
    if ((await sendOperation(id, { ctx: { actorEmail: "system:backlog" } })) === "accepted") sent++;
  return sent;
}
