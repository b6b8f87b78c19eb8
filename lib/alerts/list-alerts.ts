import "server-only";
import { z } from "zod";
import { db } from "../db";
import { ZAlertListQuery } from "./list-query";

// The alerts list: newest first, filtered by state ("active" = open or acknowledged), severity and
// rule, cursor-paginated on openedAt + id.

export { ZAlertListQuery };
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

export const ZAlertIdParams = z.object({ id: z.string().regex(/^alr_[A-Za-z0-9]{22}$/) });

export async function listAlerts(q: TAlertListQuery) {
  const state =
    q.state === "all"
      ? undefined
      : q.state === "active"
        ? { in: ["open", "acknowledged"] }
        : q.state;
  const rows = await db.alert.findMany({
    where: {
      ...(state ? { state } : {}),
      ...(q.severity ? { severity: q.severity } : {}),
      ...(q.rule ? { rule: q.rule } : {}),
      ...(q.before ? { openedAt: { lt: new Date(q.before) } } : {}),
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    alerts: page,
    nextBefore: rows.length > q.limit ? page[page.length - 1].openedAt.toISOString() : null,
  };
}

/** For the banner on every page: unresolved critical alerts, newest first. */
export async function openCriticalAlerts() {
  const where = { state: { in: ["open", "acknowledged"] }, severity: "critical" };
  const [count, latest] = await Promise.all([
    db.alert.count({ where }),
    db.alert.findMany({
      where,
      orderBy: { lastSeenAt: "desc" },
      take: 3,
      select: { id: true, title: true, state: true, openedAt: true },
    }),
  ]);
  return { count, latest };
}
