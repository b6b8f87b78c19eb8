"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { LevelBadge } from "../charts/level-badge";
import { DataTable, type TColumn } from "../ui/data-table";
import type { TAccountSummary } from "../charts/api";

const DAY_MS = 86_400_000;

// Balances with their floors and runway. Amounts are integer minor units.
export function BalancesTable({ accounts }: { accounts: TAccountSummary[] }) {
  const t = useTranslations("overview.balances");
  const f = useFormat();
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
      return v === null ? "—" : f.money(v);
    },
  });
  const columns: TColumn<TAccountSummary>[] = [
    {
      id: "account",
      header: t("h.account"),
      sortValue: (a) => a.name,
      cell: (a) => (
        <>
          <p className="font-medium text-slate-800">{a.name}</p>
          <p className="break-all font-mono text-xs text-slate-600">
            {a.id}
            {a.at ? ` · ${f.when(a.at)}` : ""}
          </p>
          {a.lastError ? (
            <p className="text-xs text-red-700">{t("lastPollFailed", { error: a.lastError })}</p>
          ) : null}
        </>
      ),
    },
    money("available", t("h.available"), (a) => a.available),
    money("warning", t("h.warning"), (a) => a.warningFloor),
    money("critical", t("h.critical"), (a) => a.criticalFloor),
    money("spend", t("h.spend"), (a) => a.dailySpend),
    money("committed", t("h.committed"), (a) => a.committed),
    {
      id: "runway",
      header: t("h.runway"),
      align: "right",
      sortValue: (a) => a.runway?.projected ?? null,
      className: "whitespace-nowrap tabular-nums",
      cell: (a) =>
        a.runway
          ? `${f.money(a.runway.projected)}${a.runway.days === null ? "" : ` · ${f.duration(a.runway.days * DAY_MS)}`}`
          : "—",
    },
    {
      id: "level",
      header: t("h.level"),
      sortValue: (a) => a.level,
      cell: (a) => <LevelBadge level={a.level} />,
    },
  ];
  return (
    <DataTable
      label={t("label")}
      testId="balances-table"
      columns={columns}
      rows={accounts}
      rowKey={(a) => a.id}
      rowProps={(a) => ({ "data-account": a.id })}
      empty={t("empty")}
      dense
    />
  );
}
