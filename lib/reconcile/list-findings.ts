import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import type { TFindingListQuery } from "./list-query";

// Newest first; the page filters by status, severity, kind and run (list-query.ts).
export async function listFindings(q: TFindingListQuery) {
  const where: Prisma.DriftWhereInput = {
    ...(q.status === "open"
      ? { resolvedAt: null }
      : q.status === "resolved"
        ? { resolvedAt: { not: null } }
        : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.runId ? { runId: q.runId } : {}),
    ...(q.before ? { createdAt: { lt: new Date(q.before) } } : {}),
  };
  const rows = await db.drift.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const resolvers = await db.user.findMany({
    where: { id: { in: page.flatMap((d) => (d.resolvedById ? [d.resolvedById] : [])) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(resolvers.map((u) => [u.id, u.email]));
  return {
    findings: page.map((d) => ({
      ...d,
      resolvedBy: d.resolvedById ? (emailOf.get(d.resolvedById) ?? null) : null,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1].createdAt.toISOString() : null,
  };
}

export async function listRuns(q: { limit: number }) {
  const [runs, open] = await Promise.all([
    db.reconciliationRun.findMany({
      orderBy: { startedAt: "desc" },
      take: q.limit,
      include: { _count: { select: { findings: true } } },
    }),
    db.drift.groupBy({ by: ["severity"], where: { resolvedAt: null }, _count: { _all: true } }),
  ]);
  return {
    runs: runs.map(({ _count, ...r }) => ({ ...r, newFindings: _count.findings })),
    open: Object.fromEntries(open.map((o) => [o.severity, o._count._all])),
  };
}
