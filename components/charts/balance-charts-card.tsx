"use client";

import { useTranslations } from "next-intl";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { BalanceChart } from "./balance-chart";
import { LevelBadge } from "./level-badge";
import { useChartUrl } from "./use-chart-url";
import { useBalanceCharts } from "./use-charts";

// Data card for the balance charts: one small chart per watched account, same range and time
// zone as the request charts (both in the URL).
export function BalanceChartsCard() {
  const t = useTranslations("charts.balances");
  const f = useFormat();
  const { query, tz, account } = useChartUrl();
  const q = useBalanceCharts(query.range, account);
  return (
    <Card data-testid="balance-charts">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
        <ErrorNote error={q.error} />
        {q.data?.accounts.length === 0 ? (
          <p className="text-sm text-slate-500">{t("none")}</p>
        ) : null}
        {q.data?.accounts.map((a) => (
          <section key={a.id} aria-label={t("balanceOf", { name: a.name })}>
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium text-slate-800">
                {a.name} <span className="font-mono text-xs text-slate-600">{a.id}</span>
              </h3>
              <span className="flex items-center gap-2 text-sm tabular-nums">
                {a.available === null ? "—" : f.money(a.available)} <LevelBadge level={a.level} />
              </span>
            </div>
            <BalanceChart
              points={a.series.points}
              stepSec={a.series.stepSec}
              tz={tz}
              warningFloor={a.warningFloor}
              criticalFloor={a.criticalFloor}
              projected={a.runway?.projected ?? null}
              annotations={q.data?.annotations ?? []}
            />
          </section>
        ))}
      </div>
    </Card>
  );
}
