"use client";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import type { TColumn } from "../ui/data-table";
import { formatFull } from "../charts/time-format";
import type { TAlert } from "./api";

const SEVERITY_TONE = { critical: "red", warning: "yellow", info: "gray" } as const;
const STATE_TONE = { open: "red", acknowledged: "blue", resolved: "green" } as const;

const TEXT = {
  seen: (n: number, last: string) => ` · seen ${n}×, last ${last}`,
  ackBy: (who: string) => `ack by ${who}`,
  resolved: (when: string) => `resolved ${when}`,
  acknowledge: "Acknowledge",
  resolve: "Resolve",
  h: {
    severity: "Severity",
    alert: "Alert",
    opened: "Opened (Bogotá)",
    state: "State",
    actions: "Actions",
  },
};

// The alerts table's columns; acknowledge/resolve only for those who may manage alerts.
export function alertColumns({
  canManage,
  busy,
  onAcknowledge,
  onResolve,
}: {
  canManage: boolean;
  busy: boolean;
  onAcknowledge: (a: TAlert) => void;
  onResolve: (a: TAlert) => void;
}): TColumn<TAlert>[] {
  return [
    {
      id: "severity",
      header: TEXT.h.severity,
      sortValue: (a) => a.severity,
      cell: (a) => <Badge tone={SEVERITY_TONE[a.severity]}>{a.severity}</Badge>,
    },
    {
      id: "alert",
      header: TEXT.h.alert,
      sortValue: (a) => a.title,
      canHide: false,
      cell: (a) => (
        <>
          <p className="font-medium text-slate-900">{a.title}</p>
          <p className="mt-0.5 font-mono text-xs text-slate-600">
            {a.rule}
            {a.occurrences > 1 ? TEXT.seen(a.occurrences, formatFull(a.lastSeenAt, "bogota")) : ""}
          </p>
        </>
      ),
    },
    {
      id: "opened",
      header: TEXT.h.opened,
      sortValue: (a) => a.openedAt,
      className: "whitespace-nowrap text-slate-600",
      cell: (a) => formatFull(a.openedAt, "bogota"),
    },
    {
      id: "state",
      header: TEXT.h.state,
      sortValue: (a) => a.state,
      cell: (a) => (
        <>
          <Badge tone={STATE_TONE[a.state]}>{a.state}</Badge>
          {a.acknowledgedBy ? (
            <p className="mt-1 text-xs text-slate-600">
              {TEXT.ackBy(a.acknowledgedBy)}
              {a.acknowledgedAt ? `, ${formatFull(a.acknowledgedAt, "bogota")}` : ""}
            </p>
          ) : null}
          {a.resolvedAt ? (
            <p className="mt-1 text-xs text-slate-600">
              {TEXT.resolved(formatFull(a.resolvedAt, "bogota"))}
            </p>
          ) : null}
        </>
      ),
    },
    {
      id: "actions",
      header: TEXT.h.actions,
      hideHeader: true,
      align: "right",
      className: "whitespace-nowrap",
      cell: (a) => (
        <>
          {canManage && a.state === "open" ? (
            <Button variant="secondary" disabled={busy} onClick={() => onAcknowledge(a)}>
              {TEXT.acknowledge}
            </Button>
          ) : null}{" "}
          {canManage && a.state !== "resolved" ? (
            <Button variant="ghost" disabled={busy} onClick={() => onResolve(a)}>
              {TEXT.resolve}
            </Button>
          ) : null}
        </>
      ),
    },
  ];
}
