"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { ErrorRateSparkline } from "../charts/sparkline";
import { errorRate } from "../charts/time-format";
import type { TOverview } from "./api";

function Tile({
  label,
  children,
  href,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  href?: string;
  testId?: string;
}) {
  const body = (
    <Card className="h-full px-4 py-3" data-testid={testId}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <div className="mt-1">{children}</div>
    </Card>
  );
  return href ? (
    <Link href={href} className="block">
      {body}
    </Link>
  ) : (
    body
  );
}

const BREAKER_TONE = { closed: "green", half_open: "yellow", open: "red" } as const;

export function StatTiles({ d }: { d: TOverview }) {
  const t = useTranslations("overview.tiles");
  const f = useFormat();
  const critical = d.alerts.bySeverity.critical ?? 0;
  const warning = d.alerts.bySeverity.warning ?? 0;
  const total = d.sparkline.reduce((n, p) => n + p.total, 0);
  const errors = d.sparkline.reduce((n, p) => n + (p.errorRate ?? 0) * p.total, 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
      <Tile label={t("alerts")} href="/alerts" testId="tile-alerts">
        <p className="text-2xl font-semibold tabular-nums text-slate-900">
          {f.number(critical + warning)}
        </p>
        <p className="text-xs text-slate-600">{t("alertsDetail", { critical, warning })}</p>
      </Tile>
      <Tile label={t("approvals")} href="/approvals" testId="tile-approvals">
        <p className="text-2xl font-semibold tabular-nums text-slate-900">
          {f.number(d.approvals.pending)}
        </p>
        <p className="text-xs text-slate-600">
          {t("waitingForYou", { count: d.approvals.waitingForYou })}
        </p>
      </Tile>
      <Tile label={t("breaker")} testId="tile-breaker">
        {d.mono ? (
          <Badge tone={BREAKER_TONE[d.mono.breaker]}>{t(`breakerState.${d.mono.breaker}`)}</Badge>
        ) : (
          <Badge>{t("notConfigured")}</Badge>
        )}
        {d.mono ? (
          <p className="mt-1 text-xs text-slate-600">
            {t("breakerDetail", {
              inFlight: d.mono.inFlight,
              queued: d.mono.queued,
              available: f.number(Math.floor(d.mono.budget.available)),
              capacity: f.number(d.mono.budget.capacity),
            })}
          </p>
        ) : null}
      </Tile>
      <Tile label={t("killSwitch")} testId="tile-kill-switch">
        {d.killSwitch ? (
          <Badge tone="red">{t("killSwitchOn")}</Badge>
        ) : (
          <Badge tone="green">{t("killSwitchOff")}</Badge>
        )}
      </Tile>
      <Tile label={t("errorRate")} testId="tile-error-rate">
        <p className="text-sm font-semibold tabular-nums text-slate-900">
          {errorRate(f, total ? errors / total : null)}{" "}
          <span className="font-normal text-slate-500">{t("ofTotal", { total })}</span>
        </p>
        <ErrorRateSparkline points={d.sparkline} />
      </Tile>
    </div>
  );
}
