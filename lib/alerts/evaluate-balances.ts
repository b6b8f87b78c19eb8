import "server-only";
import { getAccountSummaries, type TAccountSummary } from "../balances/account-summaries";
import type { TAlertSignal } from "./rules";

const cop = (minor: bigint) =>
  `COP ${(Number(minor) / 100).toLocaleString("es-CO", { maximumFractionDigits: 0 })}`;

/** Only the worst level per account is signalled: a critical balance is not also a warning. */
export function balanceSignals(accounts: TAccountSummary[]): TAlertSignal[] {
  return accounts.flatMap((a): TAlertSignal[] => {
    if (a.available === null || (a.level !== "warning" && a.level !== "critical")) return [];
    const critical = a.level === "critical";
    const floor = critical ? a.criticalFloor : a.warningFloor;
    return [
      {
        rule: critical ? "balance_critical" : "balance_warning",
        subject: a.id,
        severity: critical ? "critical" : "warning",
        title: `${a.name}: balance ${cop(a.available)} is under the ${critical ? "critical" : "warning"} floor (${cop(floor)})`,
        details: {
          accountId: a.id,
          available: a.available.toString(),
          warningFloor: a.warningFloor.toString(),
          criticalFloor: a.criticalFloor.toString(),
          dailySpend: a.dailySpend.toString(),
          runwayDays: a.runway?.days ?? null,
        },
      },
    ];
  });
}

export async function evaluateBalances(now: Date = new Date()): Promise<TAlertSignal[]> {
  return balanceSignals(await getAccountSummaries(now));
}
