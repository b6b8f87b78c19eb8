import "server-only";
import { db } from "../db";
import { auditHash, GENESIS_HASH } from "./hash";

export type TChainVerdict =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAtSeq: string; reason: string };

// Walks the whole chain in pages and recomputes every hash.
export async function verifyAuditChain(): Promise<TChainVerdict> {
  let prevHash = GENESIS_HASH;
  let cursor: bigint | undefined;
  let rows = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: 1000,
    });
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      rows++;
      if (r.prevHash !== prevHash)
        return {
          ok: false,
          rows,
          brokenAtSeq: r.seq.toString(),
          reason: "prevHash does not match the previous row",
        };
      const expected = auditHash(prevHash, {
        at: r.at,
        actorId: r.actorId,
        actorEmail: r.actorEmail,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        details: r.details,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
      });
      if (expected !== r.hash)
        return {
          ok: false,
          rows,
          brokenAtSeq: r.seq.toString(),
          reason: "content does not match its hash",
        };
      prevHash = r.hash;
      cursor = r.seq;
    }
  }
}
