"use client";

import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { formatCop } from "../money/format";
import { BalanceChart } from "./balance-chart";
import { LevelBadge } from "./level-badge";
import { useChartUrl } from "./use-chart-url";
import { useBalanceCharts } from "./use-charts";

// Data card for the balance charts: one small chart per watched account, same range and time
// zone as the request charts (both in the URL).
export function BalanceChartsCard() {
  const { query, tz, account } = useChartUrl();
  const q = useBalanceCharts(query.range, account);
  return (
    <Card data-testid="balance-charts">
      <CardHeader
        title="Balances over time"
        description="Lowest available balance per step; warning floor = 20 % and critical floor = 5 % of typical daily spend (last 7 days of outflows); the dotted line is the runway after approved-but-unsent operations."
      />
      <div className="grid gap-6 px-5 py-4 lg:grid-cols-2">
        <ErrorNote error={q.error} />
        {q.data?.accounts.length === 0 ? (
          <p className="text-sm text-slate-500">
            No balances polled yet: the poller runs every few minutes (or use “Check now” on the
            Alerts page).
          </p>
        ) : null}
        {q.data?.accounts.map((a) => (
          <section key={a.id} aria-label={`Balance of ${a.name}`}>
            <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-medium text-slate-800">
                {a.name} <span className="font-mono text-xs text-slate-600">{a.id}</span>
              </h3>
              <span className="flex items-center gap-2 text-sm tabular-nums">
                {a.available === null ? "—" : formatCop(a.available)} <LevelBadge level={a.level} />
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
