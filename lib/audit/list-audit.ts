import "server-only";
import { z } from "zod";
import { db } from "../db";
import { ZAuditQuery } from "./list-query";

export { ZAuditQuery };
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
