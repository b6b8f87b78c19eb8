import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { parseTimeIdCursor } from "../api/params";
import { REQUEST_RANGES, type TRequestFilters } from "./request-filters";

export const REQUEST_LIST_SELECT = {
  id: true,
  requestId: true,
  monoLogId: true,
  operationId: true,
  idempotencyKey: true,
  callId: true,
  attempt: true,
  method: true,
  path: true,
  endpoint: true,
  status: true,
  statusClass: true,
  errorCode: true,
  durationMs: true,
  delayBeforeMs: true,
  delayReason: true,
  apiKeyLabel: true,
  at: true,
} satisfies Prisma.RequestLogSelect;

export function requestWhere(f: TRequestFilters, now = Date.now()): Prisma.RequestLogWhereInput {
  return {
    at: { gte: new Date(now - REQUEST_RANGES[f.range]) },
    ...(f.statusClass?.length
      ? { statusClass: f.statusClass.length === 1 ? f.statusClass[0] : { in: f.statusClass } }
      : {}),
    ...(f.endpoint ? { endpoint: f.endpoint } : {}),
    ...(f.errorCode ? { errorCode: f.errorCode } : {}),
    ...(f.operationId ? { operationId: f.operationId } : {}),
  };
}

/** How many rows match the filters (the export's X-Row-Count): an index-only count per day. */
export function countRequests(f: TRequestFilters): Promise<number> {
  return db.requestLog.count({ where: requestWhere(f) });
}

// Newest first, keyset-paginated on (at, id): every filter is an equality on a column that leads
// an (x, at) index, so a page costs the same at row 10 or 10 million. Bodies are not listed.
export async function listRequests(f: TRequestFilters) {
  const c = f.cursor ? parseTimeIdCursor(f.cursor) : null;
  const where: Prisma.RequestLogWhereInput = {
    AND: [requestWhere(f), c ? { OR: [{ at: { lt: c.at } }, { at: c.at, id: { lt: c.id } }] } : {}],
  };
  const rows = await db.requestLog.findMany({
    where,
    select: REQUEST_LIST_SELECT,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    requests: page.map((r) => ({ ...r, id: undefined })), // the row id is only the cursor's tiebreak
    nextCursor: rows.length > f.limit && last ? `${last.at.getTime()}_${last.id}` : null,
  };
}
export type TRequestListPage = Awaited<ReturnType<typeof listRequests>>;
