import "server-only";
import { db } from "../db";
import { resumeSend } from "./resume-send";

// Resumes operations left in `sending` with an expired lease (a crash or a deploy mid-call) with
// the same key and body — or, past Mono's 24 h idempotency window, after asking Mono first
// (lib/operations/resume-send.ts). Never a second payout.
export async function recoverStuckOperations(
  o: { now?: Date; limit?: number } = {},
): Promise<{ resumed: number; results: Record<string, number> }> {
  const now = o.now ?? new Date();
  const stuck = await db.operation.findMany({
    where: { state: "sending", lockedUntil: { lt: now } },
    select: { id: true },
    orderBy: { updatedAt: "asc" },
    take: o.limit ?? 100,
  });
  const results: Record<string, number> = {};
  for (const s of stuck) {
    const r = await resumeSend(s.id, { now, ctx: { actorEmail: "system:recovery" } });
    results[r] = (results[r] ?? 0) + 1;
  }
  return { resumed: stuck.length, results };
}
