import "server-only";
import { db } from "../db";
import { getPolicy } from "../guard/get-policy";
import { getMonoHealth, type TMonoHealth } from "../mono";
import { getAccountSummaries } from "../balances/account-summaries";
import { getRequestSeries } from "./request-series";

// Everything the Overview page shows at a glance, in one round trip: balances with floors, open
// alerts, approvals waiting, the last hour's error rate, recent operations, breaker, kill switch.

export async function getOverview(user: { id: string }, now: Date = new Date()) {
  const active = { state: { in: ["open", "acknowledged"] } };
  const [accounts, alertCounts, alerts, pendingApproval, waitingForYou, recent, policy, lastHour] =
    await Promise.all([
      getAccountSummaries(now),
      db.alert.groupBy({ by: ["severity"], where: active, _count: { _all: true } }),
      db.alert.findMany({
        where: active,
        orderBy: [{ severity: "asc" }, { lastSeenAt: "desc" }],
        take: 5,
        select: {
          id: true,
          title: true,
          severity: true,
          state: true,
          openedAt: true,
          occurrences: true,
        },
      }),
      db.operation.count({ where: { state: "pending_approval" } }),
      // Maker ≠ checker: operations someone else made that this user has not decided yet.
      db.operation.count({
        where: {
          state: "pending_approval",
          createdById: { not: user.id },
          approvals: { none: { approverId: user.id } },
        },
      }),
      db.operation.findMany({
        orderBy: { createdAt: "desc" },
        take: 8,
        select: {
          id: true,
          kind: true,
          state: true,
          amount: true,
          currency: true,
          sourceAccountId: true,
          createdAt: true,
        },
      }),
      getPolicy(),
      getRequestSeries({ range: "1h", now }),
    ]);
  let breaker: TMonoHealth | null = null;
  try {
    breaker = getMonoHealth();
  } catch {
    breaker = null; // Mono not configured on this instance
  }
  return {
    accounts,
    alerts: {
      bySeverity: Object.fromEntries(alertCounts.map((a) => [a.severity, a._count._all])),
      latest: alerts,
    },
    approvals: { pending: pendingApproval, waitingForYou },
    recentOperations: recent,
    killSwitch: policy.settings.killSwitch,
    mono: breaker,
    sparkline: lastHour.points.map((p) => ({ t: p.t, errorRate: p.errorRate, total: p.total })),
  };
}
