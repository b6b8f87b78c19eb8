import "server-only";
import { db } from "../db";
import { logger } from "../logger";
import { sendOperation } from "./send-operation";

export const MONO_IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

// Resumes operations left in `sending` with an expired lease (a crash or a deploy mid-call).
// Inside Mono's 24 h window the same key and body are simply sent again: Mono replays the
// original if it had it. Past the window the key is forgotten, but the operation's external_id is
// not: Core payouts answer an existing external_id with the original (200), and transfer rows are
// deduplicated by external_id too, so a resend still cannot create a second payout.
export async function recoverStuckOperations(
  o: { now?: Date; limit?: number } = {},
): Promise<{ resumed: number; results: Record<string, number> }> {
  const now = o.now ?? new Date();
  const stuck = await db.operation.findMany({
    where: { state: "sending", lockedUntil: { lt: now } },
    select: { id: true, firstSentAt: true },
    orderBy: { updatedAt: "asc" },
    take: o.limit ?? 100,
  });
  const results: Record<string, number> = {};
  for (const s of stuck) {
    const outsideWindow =
      !!s.firstSentAt && now.getTime() - s.firstSentAt.getTime() > MONO_IDEMPOTENCY_WINDOW_MS;
    if (outsideWindow)
      logger.warn(
        { operationId: s.id },
        "resuming past Mono's idempotency window: relying on external_id",
      );
    const r = await sendOperation(s.id, { now, ctx: { actorEmail: "system:recovery" } });
    results[r] = (results[r] ?? 0) + 1;
  }
  return { resumed: stuck.length, results };
}
