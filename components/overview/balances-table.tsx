import { formatCop } from "../money/format";
import { LevelBadge } from "../charts/level-badge";
import { formatFull } from "../charts/time-format";
import { DataTable, type TColumn } from "../ui/data-table";
import type { TAccountSummary } from "../charts/api";

const TEXT = {
  label: "Balances",
  empty: "No balances polled yet.",
  lastPollFailed: (e: string) => `last poll failed: ${e}`,
  h: {
    account: "Account",
    available: "Available",
    warning: "Warning floor",
    critical: "Critical floor",
    spend: "Daily spend",
    committed: "Approved, unsent",
    runway: "Runway",
    level: "Level",
  },
};

const money = (
  id: string,
  header: string,
  value: (a: TAccountSummary) => number | null,
): TColumn<TAccountSummary> => ({
  id,
  header,
  align: "right",
  sortValue: value,
  className: "whitespace-nowrap tabular-nums",
  cell: (a) => {
    const v = value(a);
    return v === null ? "—" : formatCop(v);
  },
});

const COLUMNS: TColumn<TAccountSummary>[] = [
  {
    id: "account",
    header: TEXT.h.account,
    sortValue: (a) => a.name,
    cell: (a) => (
      <>
        <p className="font-medium text-slate-800">{a.name}</p>
        <p className="break-all font-mono text-xs text-slate-600">
          {a.id}
          {a.at ? ` · ${formatFull(a.at, "bogota")}` : ""}
        </p>
        {a.lastError ? (
          <p className="text-xs text-red-700">{TEXT.lastPollFailed(a.lastError)}</p>
        ) : null}
      </>
    ),
  },
  money("available", TEXT.h.available, (a) => a.available),
  money("warning", TEXT.h.warning, (a) => a.warningFloor),
  money("critical", TEXT.h.critical, (a) => a.criticalFloor),
  money("spend", TEXT.h.spend, (a) => a.dailySpend),
  money("committed", TEXT.h.committed, (a) => a.committed),
  {
    id: "runway",
    header: TEXT.h.runway,
    align: "right",
    sortValue: (a) => a.runway?.projected ?? null,
    className: "whitespace-nowrap tabular-nums",
    cell: (a) =>
      a.runway
        ? `${formatCop(a.runway.projected)}${a.runway.days === null ? "" : ` · ${a.runway.days} d`}`
        : "—",
  },
  {
    id: "level",
    header: TEXT.h.level,
    sortValue: (a) => a.level,
    cell: (a) => <LevelBadge level={a.level} />,
  },
];

// Balances with their floors and runway. Amounts are integer minor units.
export function BalancesTable({ accounts }: { accounts: TAccountSummary[] }) {
  return (
    <DataTable
      label={TEXT.label}
      testId="balances-table"
      columns={COLUMNS}
      rows={accounts}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ "data-account": a.id })}
      empty={TEXT.empty}
      dense
    />
  );
}
