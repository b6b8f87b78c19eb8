import "server-only";
import { z } from "zod";
import { zBigintId } from "../api/params";
import { db } from "../db";

export const ZAuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(), // email
  targetId: z.string().max(100).optional(),
  before: zBigintId("An audit sequence number").optional(), // cursor: seq of the last row seen
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

// Newest first, cursor-paginated by seq; every filter is an equality on an indexed column.
export async function listAudit(q: TAuditQuery) {
  const rows = await db.auditEvent.findMany({
    where: {
      ...(q.action ? { action: q.action } : {}),
      ...(q.actor ? { actorEmail: q.actor.toLowerCase() } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(q.before ? { seq: { lt: BigInt(q.before) } } : {}),
    },
    orderBy: { seq: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({ ...r, seq: r.seq.toString() })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].seq.toString() : null,
  };
}
