import "server-only";
import { sql } from "kysely";
import { db, sqlDb } from "../db";
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

export async function getAccountSummaries(now: Date = new Date()): Promise<TAccountSummary[]> {
  const since = new Date(now.getTime() - SPEND_WINDOW_DAYS * 86_400_000);
  const [accounts, latest, outflows, spent, committed] = await Promise.all([
    db.monitoredAccount.findMany({
      where: { state: { not: "canceled" } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
    // One index probe per account (BalanceSnapshot_accountId_at_idx), however long the history.
    sqlDb
      .selectFrom("MonitoredAccount as a")
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom("BalanceSnapshot as b")
            .select(["b.available", "b.pending", "b.at"])
            .whereRef("b.accountId", "=", "a.id")
            .orderBy("b.at", "desc")
            .limit(1)
            .as("s"),
        (join) => join.onTrue(),
      )
      .select(["a.id as accountId", "s.available", "s.pending", "s.at"])
      .execute(),
    // Decreases between consecutive snapshots: money that left through any channel.
    sqlDb
      .selectFrom((eb) =>
        eb
          .selectFrom("BalanceSnapshot")
          .select([
            "accountId",
            "available",
            "at",
            sql<bigint | null>`lag("available") OVER (PARTITION BY "accountId" ORDER BY "at")`.as(
              "prev",
            ),
          ])
          .where("at", ">=", since)
          .as("s"),
      )
      .select((eb) => [
        "s.accountId",
        // sum() of int8 is numeric: cast back so it reads as bigint.
        sql<bigint | null>`sum(greatest(s.prev - s."available", 0))::bigint`.as("outflow"),
        eb.fn.min("s.at").as("first"),
      ])
      .groupBy("s.accountId")
      .execute(),
    sqlDb
      .selectFrom("Operation")
      .select([
        "sourceAccountId",
        sql<bigint | null>`sum(coalesce("monoSourceAmount", "amount" + "feeEstimate"))::bigint`.as(
          "total",
        ),
      ])
      .where("state", "in", ["accepted", "settled"])
      .where(sql`coalesce("acceptedAt", "createdAt")`, ">=", since)
      .groupBy("sourceAccountId")
      .execute(),
    sqlDb
      .selectFrom("Operation")
      .select([
        "sourceAccountId",
        sql<bigint | null>`sum("amount" + "feeEstimate")::bigint`.as("total"),
      ])
      .where("state", "in", ["approved", "sending"])
      .groupBy("sourceAccountId")
      .execute(),
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
