import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TWebhookListQuery } from "./list-query";

// The webhook log: newest first, filtered by type, signature result, processing result and time
// (list-query.ts), paginated on the id (a cursor that survives new arrivals).

const LIST_FIELDS = {
  id: true,
  type: true,
  objectId: true,
  signatureResult: true,
  eventTimestamp: true,
  receivedAt: true,
  deliveries: true,
  processedAt: true,
  processingResult: true,
  processingError: true,
  operationId: true,
  external: true,
} as const;

export async function listWebhookEvents(q: TWebhookListQuery) {
  const where: Prisma.WebhookEventWhereInput = {
    ...(q.type ? { type: q.type } : {}),
    ...(q.signature ? { signatureResult: q.signature } : {}),
    ...(q.result
      ? q.result === "pending"
        ? { processedAt: null }
        : { processingResult: q.result }
      : {}),
    ...(q.from || q.to
      ? {
          receivedAt: {
            ...(q.from ? { gte: new Date(q.from) } : {}),
            ...(q.to ? { lte: new Date(q.to) } : {}),
          },
        }
      : {}),
    ...(q.operationId ? { operationId: q.operationId } : {}),
    ...(q.before ? { id: { lt: BigInt(q.before) } } : {}),
  };
  const rows = await db.webhookEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: q.limit + 1,
    select: LIST_FIELDS,
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page,
    nextBefore: rows.length > q.limit ? page[page.length - 1].id.toString() : null,
  };
}

export async function getWebhookEvent(id: string) {
  const ev = await db.webhookEvent.findUnique({ where: { id: BigInt(id) } });
  if (!ev) throw AppError.worded("not_found", consoleWords("no_such", { thing: "webhook" }));
  const operation = ev.operationId
    ? await db.operation.findUnique({
        where: { id: ev.operationId },
        select: { id: true, kind: true, state: true, amount: true, currency: true, monoId: true },
      })
    : null;
  return { event: ev, operation };
}

/** Types seen so far (for the filter) and refused deliveries in the last 24 h by reason. */
export async function webhookSummary(now: Date = new Date()) {
  const since = new Date(now.getTime() - 86_400_000);
  const [types, rejections, last] = await Promise.all([
    db.webhookEvent.groupBy({ by: ["type"], _count: { _all: true }, orderBy: { type: "asc" } }),
    db.webhookRejection.groupBy({
      by: ["reason"],
      where: { receivedAt: { gte: since } },
      _count: { _all: true },
    }),
    db.webhookEvent.findFirst({ orderBy: { id: "desc" }, select: { receivedAt: true } }),
  ]);
  return {
    types: types.map((t) => ({ type: t.type, count: t._count._all })),
    rejections24h: Object.fromEntries(rejections.map((r) => [r.reason, r._count._all])),
    lastReceivedAt: last?.receivedAt ?? null,
  };
}
