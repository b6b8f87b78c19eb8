import Link from "next/link";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { ErrorRateSparkline } from "../charts/sparkline";
import { percent } from "../charts/time-format";
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
  const critical = d.alerts.bySeverity.critical ?? 0;
  const warning = d.alerts.bySeverity.warning ?? 0;
  const total = d.sparkline.reduce((n, p) => n + p.total, 0);
  const errors = d.sparkline.reduce((n, p) => n + (p.errorRate ?? 0) * p.total, 0);
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
      <Tile label="Open alerts" href="/alerts" testId="tile-alerts">
        <p className="text-2xl font-semibold tabular-nums text-slate-900">{critical + warning}</p>
        <p className="text-xs text-slate-600">
          {critical} critical · {warning} warning
        </p>
      </Tile>
      <Tile label="Approvals waiting" href="/approvals" testId="tile-approvals">
        <p className="text-2xl font-semibold tabular-nums text-slate-900">{d.approvals.pending}</p>
        <p className="text-xs text-slate-600">{d.approvals.waitingForYou} waiting for you</p>
      </Tile>
      <Tile label="Circuit breaker" testId="tile-breaker">
        {d.mono ? (
          <Badge tone={BREAKER_TONE[d.mono.breaker]}>{d.mono.breaker.replace("_", "-")}</Badge>
        ) : (
          <Badge>not configured</Badge>
        )}
        {d.mono ? (
          <p className="mt-1 text-xs text-slate-600">
            {d.mono.inFlight} in flight · {d.mono.queued} queued · budget {d.mono.budget.available}/
            {d.mono.budget.capacity}
          </p>
        ) : null}
      </Tile>
      <Tile label="Kill switch" testId="tile-kill-switch">
        {d.killSwitch ? (
          <Badge tone="red">ON: sending paused</Badge>
        ) : (
          <Badge tone="green">off</Badge>
        )}
      </Tile>
      <Tile label="Error rate, last hour" testId="tile-error-rate">
        <p className="text-sm font-semibold tabular-nums text-slate-900">
          {percent(total ? errors / total : null)}{" "}
          <span className="font-normal text-slate-500">of {total.toLocaleString("es-CO")}</span>
        </p>
        <ErrorRateSparkline points={d.sparkline} />
      </Tile>
    </div>
  );
}
