"use client";

import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { formatFull } from "../charts/time-format";
import type { TAlert } from "./api";

const SEVERITY_TONE = { critical: "red", warning: "yellow", info: "gray" } as const;
const STATE_TONE = { open: "red", acknowledged: "blue", resolved: "green" } as const;

export function AlertRow({
  a,
  canManage,
  busy,
  onAcknowledge,
  onResolve,
}: {
  a: TAlert;
  canManage: boolean;
  busy: boolean;
  onAcknowledge: () => void;
  onResolve: () => void;
}) {
  return (
    <tr className="align-top" data-testid="alert-row" data-rule={a.rule} data-state={a.state}>
      <td className="px-5 py-3">
        <Badge tone={SEVERITY_TONE[a.severity]}>{a.severity}</Badge>
      </td>
      <td className="px-5 py-3">
        <p className="font-medium text-slate-900">{a.title}</p>
        <p className="mt-0.5 font-mono text-xs text-slate-500">
          {a.rule}
          {a.occurrences > 1
            ? ` · seen ${a.occurrences}×, last ${formatFull(a.lastSeenAt, "bogota")}`
            : ""}
        </p>
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-slate-600">
        {formatFull(a.openedAt, "bogota")}
      </td>
      <td className="px-5 py-3">
        <Badge tone={STATE_TONE[a.state]}>{a.state}</Badge>
        {a.acknowledgedBy ? (
          <p className="mt-1 text-xs text-slate-500">
            ack by {a.acknowledgedBy}
            {a.acknowledgedAt ? `, ${formatFull(a.acknowledgedAt, "bogota")}` : ""}
          </p>
        ) : null}
        {a.resolvedAt ? (
          <p className="mt-1 text-xs text-slate-500">
            resolved {formatFull(a.resolvedAt, "bogota")}
          </p>
        ) : null}
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-right">
        {canManage && a.state === "open" ? (
          <Button variant="secondary" disabled={busy} onClick={onAcknowledge}>
            Acknowledge
          </Button>
        ) : null}{" "}
        {canManage && a.state !== "resolved" ? (
          <Button variant="ghost" disabled={busy} onClick={onResolve}>
            Resolve
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
