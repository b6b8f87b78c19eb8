"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { StateBadge } from "../operations/state-badge";
import { RequestChartsCard } from "../charts/request-charts-card";
import { BalanceChartsCard } from "../charts/balance-charts-card";
import { BalancesTable } from "./balances-table";
import { StatTiles } from "./stat-tiles";
import { useOverview } from "./use-overview";

export function Overview() {
  const t = useTranslations("overview");
  const alerts = useTranslations("alerts");
  const f = useFormat();
  const q = useOverview();
  const d = q.data;
  return (
    <div className="space-y-6">
      <ErrorNote error={q.error} />
      {d ? (
        <StatTiles d={d} />
      ) : q.isPending ? (
        <p className="text-sm text-slate-500">{t("loading")}</p>
      ) : null}
      {d ? (
        <Card>
          <CardHeader title={t("balances.title")} description={t("balances.description")} />
          <BalancesTable accounts={d.accounts} />
        </Card>
      ) : null}
      {d ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              title={t("alerts.title")}
              actions={
                <Link href="/alerts" className="text-sm text-brand-700 hover:underline">
                  {t("alerts.all")}
                </Link>
              }
            />
            <ul className="divide-y divide-slate-100">
              {d.alerts.latest.length === 0 ? (
                <li className="px-5 py-3 text-sm text-slate-500">{t("alerts.none")}</li>
              ) : null}
              {d.alerts.latest.map((a) => (
                <li key={a.id} className="flex items-start gap-3 px-5 py-3 text-sm">
                  <Badge
                    tone={
                      a.severity === "critical"
                        ? "red"
                        : a.severity === "warning"
                          ? "yellow"
                          : "gray"
                    }
                  >
                    {alerts(`severity.${a.severity}`)}
                  </Badge>
                  <span className="flex-1 text-slate-800">
                    {a.title}
                    {a.occurrences > 1 ? (
                      <span className="text-slate-500"> ×{f.number(a.occurrences)}</span>
                    ) : null}
                  </span>
                  <span className="whitespace-nowrap text-xs text-slate-500">
                    {alerts(`state.${a.state}`)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardHeader
              title={t("recent.title")}
              actions={
                <Link href="/payouts" className="text-sm text-brand-700 hover:underline">
                  {t("recent.all")}
                </Link>
              }
            />
            <ul className="divide-y divide-slate-100">
              {d.recentOperations.length === 0 ? (
                <li className="px-5 py-3 text-sm text-slate-500">{t("recent.none")}</li>
              ) : null}
              {d.recentOperations.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center gap-3 px-5 py-2 text-sm">
                  <Link
                    href={`/operations/${o.id}`}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {o.id}
                  </Link>
                  <span className="text-slate-600">{t(`recent.kind.${o.kind}`)}</span>
                  <span className="tabular-nums">{f.money(o.amount, o.currency)}</span>
                  <StateBadge state={o.state} />
                  <span className="ml-auto text-xs text-slate-500">{f.when(o.createdAt)}</span>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      ) : null}
      <RequestChartsCard />
      <BalanceChartsCard />
    </div>
  );
}
