import "server-only";
import { db } from "../db";
import {
  floorsOf,
  levelOf,
  runwayOf,
  typicalDailySpend,
  SPEND_WINDOW_DAYS,
  type TBalanceLevel,
  type TRunway,
} from "./floors";

// One row per watched account: the latest balance, its floors, level and runway. Everything is
// computed from stored snapshots and operations (no Mono call), so the overview stays fast and
// works while Mono is down.

export type TAccountSummary = {
  id: string;
  kind: string;
  name: string;
  currency: string;
  state: string;
  available: bigint | null;
  pending: bigint | null;
  at: Date | null;
  lastError: string | null;
  dailySpend: bigint;
  warningFloor: bigint;
  criticalFloor: bigint;
  committed: bigint; // approved-but-unsent operations from this account (amount + fee estimate)
  runway: TRunway | null;
  level: TBalanceLevel;
};

type TOutflowRow = { accountId: string; outflow: bigint | null; first: Date | null };
type TSumRow = { sourceAccountId: string; total: bigint | null };

export async function getAccountSummaries(now: Date = new Date()): Promise<TAccountSummary[]> {
  const since = new Date(now.getTime() - SPEND_WINDOW_DAYS * 86_400_000);
  const [accounts, latest, outflows, spent, committed] = await Promise.all([
    db.monitoredAccount.findMany({
      where: { state: { not: "canceled" } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    // One index probe per account (BalanceSnapshot_accountId_at_idx), however long the history.
    db.$queryRaw<{ accountId: string; available: bigint; pending: bigint; at: Date }[]>`
      SELECT a."id" AS "accountId", s."available", s."pending", s."at" FROM "MonitoredAccount" a
      CROSS JOIN LATERAL (SELECT "available", "pending", "at" FROM "BalanceSnapshot" b
        WHERE b."accountId" = a."id" ORDER BY "at" DESC LIMIT 1) s`,
    // Decreases between consecutive snapshots: money that left through any channel.
    db.$queryRaw<TOutflowRow[]>`
      SELECT "accountId", sum(greatest(prev - "available", 0))::bigint AS outflow, min("at") AS first
      FROM (SELECT "accountId", "available", "at", lag("available") OVER (PARTITION BY "accountId" ORDER BY "at") AS prev
            FROM "BalanceSnapshot" WHERE "at" >= ${since}::timestamptz) s GROUP BY 1`,
    db.$queryRaw<TSumRow[]>`
      SELECT "sourceAccountId", sum(coalesce("monoSourceAmount", "amount" + "feeEstimate"))::bigint AS total FROM "Operation"
      WHERE "state" IN ('accepted', 'settled') AND coalesce("acceptedAt", "createdAt") >= ${since}::timestamptz GROUP BY 1`,
    db.$queryRaw<TSumRow[]>`
      SELECT "sourceAccountId", sum("amount" + "feeEstimate")::bigint AS total FROM "Operation"
      WHERE "state" IN ('approved', 'sending') GROUP BY 1`,
  ]);
  const byId = <T extends object>(rows: T[], key: keyof T) =>
    new Map(rows.map((r) => [String(r[key]), r]));
  const latestBy = byId(latest, "accountId");
  const outflowBy = byId(outflows, "accountId");
  const spentBy = byId(spent, "sourceAccountId");
  const committedBy = byId(committed, "sourceAccountId");

  return accounts.map((a): TAccountSummary => {
    const snap = latestBy.get(a.id);
    const out = outflowBy.get(a.id);
    const dailySpend = typicalDailySpend({
      snapshotOutflow: out?.outflow ?? 0n,
      operationsOutflow: spentBy.get(a.id)?.total ?? 0n,
      historyStart: out?.first ?? null,
      now,
    });
    const floors = floorsOf(dailySpend);
    const held = committedBy.get(a.id)?.total ?? 0n;
    const available = snap?.available ?? null;
    return {
      id: a.id,
      kind: a.kind,
      name: a.name,
      currency: a.currency,
      state: a.state,
      available,
      pending: snap?.pending ?? null,
      at: snap?.at ?? null,
      lastError: a.lastError,
      dailySpend,
      warningFloor: floors.warning,
      criticalFloor: floors.critical,
      committed: held,
      runway: available === null ? null : runwayOf(available, held, dailySpend),
      level: levelOf(available, floors),
    };
  });
}
