"use client";

import Link from "next/link";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { formatCop } from "../money/format";
import { StateBadge } from "../operations/state-badge";
import { formatFull } from "../charts/time-format";
import { RequestChartsCard } from "../charts/request-charts-card";
import { BalanceChartsCard } from "../charts/balance-charts-card";
import { BalancesTable } from "./balances-table";
import { StatTiles } from "./stat-tiles";
import { useOverview } from "./use-overview";

export function Overview() {
  const q = useOverview();
  const d = q.data;
  return (
    <div className="space-y-6">
      <ErrorNote error={q.error} />
      {d ? (
        <StatTiles d={d} />
      ) : q.isPending ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : null}
      {d ? (
        <Card>
          <CardHeader
            title="Balances"
            description="Latest polled balance per account against its floors, and the runway after approved-but-unsent operations."
          />
          <BalancesTable accounts={d.accounts} />
        </Card>
      ) : null}
      {d ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader
              title="Open alerts"
              actions={
                <Link href="/alerts" className="text-sm text-brand-700 hover:underline">
                  All alerts
                </Link>
              }
            />
            <ul className="divide-y divide-slate-100">
              {d.alerts.latest.length === 0 ? (
                <li className="px-5 py-3 text-sm text-slate-500">No open alerts.</li>
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
                    {a.severity}
                  </Badge>
                  <span className="flex-1 text-slate-800">
                    {a.title}
                    {a.occurrences > 1 ? (
                      <span className="text-slate-500"> ×{a.occurrences}</span>
                    ) : null}
                  </span>
                  <span className="whitespace-nowrap text-xs text-slate-500">{a.state}</span>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardHeader
              title="Recent operations"
              actions={
                <Link href="/payouts" className="text-sm text-brand-700 hover:underline">
                  All payouts
                </Link>
              }
            />
            <ul className="divide-y divide-slate-100">
              {d.recentOperations.length === 0 ? (
                <li className="px-5 py-3 text-sm text-slate-500">No operations yet.</li>
              ) : null}
              {d.recentOperations.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center gap-3 px-5 py-2 text-sm">
                  <Link
                    href={`/operations/${o.id}`}
                    className="font-mono text-xs text-brand-700 hover:underline"
                  >
                    {o.id}
                  </Link>
                  <span className="text-slate-600">{o.kind.replace("_", " ")}</span>
                  <span className="tabular-nums">{formatCop(o.amount)}</span>
                  <StateBadge state={o.state} />
                  <span className="ml-auto text-xs text-slate-500">
                    {formatFull(o.createdAt, "bogota")}
                  </span>
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
