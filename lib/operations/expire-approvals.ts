import "server-only";
import { db, sqlDb } from "../db";
import { getPolicy } from "../guard/get-policy";
import { transition } from "./transition";

// Approvals not given within the policy's window (7 days) expire: the operation will not be sent.
export async function expireApprovals(now = new Date()): Promise<number> {
  const { settings } = await getPolicy();
  const cutoff = new Date(now.getTime() - settings.approvalExpiryDays * 86_400_000);
  const due = await db.operation.findMany({
    where: { state: "pending_approval", createdAt: { lt: cutoff } },
    select: { id: true },
    take: 500,
  });
  let n = 0;
  for (const { id } of due) {
    const moved = await transition(sqlDb, {
      id,
      from: ["pending_approval"],
      to: "expired",
      set: { finishedAt: now },
      action: "operation.expired",
      details: { afterDays: settings.approvalExpiryDays },
      ctx: { actorEmail: "system:expiry" },
    });
    if (moved) n++;
  }
  return n;
}
