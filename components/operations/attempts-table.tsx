import { Badge } from "../ui/badge";
import { CopyButton } from "../ui/copy-button";
import { DataTable, type TColumn } from "../ui/data-table";
import { formatMs, formatWhen } from "./format-time";
import type { TAttempt } from "./api";

const TEXT = {
  label: "Attempts to Mono",
  empty: "Nothing has been sent to Mono yet.",
  network: "network",
  copyRequest: "Copy request id",
  copyLog: "Copy Mono log id",
  h: {
    n: "#",
    at: "When",
    call: "Call",
    status: "Status",
    latency: "Latency",
    waited: "Waited before",
    ids: "Request id / Mono log id",
  },
};

function statusTone(s: number | null): "green" | "yellow" | "red" | "gray" {
  if (s === null) return "red";
  if (s < 300) return "green";
  if (s < 500) return "yellow";
  return "red";
}

const COLUMNS: TColumn<TAttempt>[] = [
  {
    id: "n",
    header: TEXT.h.n,
    sortValue: (a) => a.attempt,
    className: "tabular-nums",
    cell: (a) => a.attempt,
  },
  {
    id: "at",
    header: TEXT.h.at,
    sortValue: (a) => a.at,
    className: "whitespace-nowrap text-slate-600",
    cell: (a) => formatWhen(a.at),
  },
  {
    id: "call",
    header: TEXT.h.call,
    className: "break-all font-mono text-xs",
    cell: (a) => (a.endpoint.startsWith(a.method) ? a.endpoint : `${a.method} ${a.endpoint}`),
  },
  {
    id: "status",
    header: TEXT.h.status,
    sortValue: (a) => a.status ?? 0,
    cell: (a) => (
      <>
        <Badge tone={statusTone(a.status)}>{a.status ?? TEXT.network}</Badge>
        {a.errorCode ? (
          <div className="mt-1 break-all font-mono text-xs text-red-700">{a.errorCode}</div>
        ) : null}
      </>
    ),
  },
  {
    id: "latency",
    header: TEXT.h.latency,
    sortValue: (a) => a.durationMs,
    className: "tabular-nums",
    cell: (a) => formatMs(a.durationMs),
  },
  {
    id: "waited",
    header: TEXT.h.waited,
    cell: (a) =>
      a.delayBeforeMs
        ? `${formatMs(a.delayBeforeMs)}${a.delayReason ? ` (${a.delayReason})` : ""}`
        : "—",
  },
  {
    id: "ids",
    header: TEXT.h.ids,
    className: "font-mono text-xs",
    cell: (a) => (
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-1">
          <span className="break-all">{a.requestId}</span>
          <CopyButton value={a.requestId} label={TEXT.copyRequest} iconOnly />
        </div>
        {a.monoLogId ? (
          <div className="flex flex-wrap items-center gap-1 text-slate-600">
            <span className="break-all">{a.monoLogId}</span>
            <CopyButton value={a.monoLogId} label={TEXT.copyLog} iconOnly />
          </div>
        ) : null}
      </div>
    ),
  },
];

// Every HTTP attempt to Mono for this operation: the ids Mono support asks for, and why we waited.
export function AttemptsTable({ attempts }: { attempts: TAttempt[] }) {
  return (
    <DataTable
      label={TEXT.label}
      testId="attempts"
      columns={COLUMNS}
      rows={attempts}
      rowKey={(a) => a.requestId}
      empty={TEXT.empty}
      dense
    />
  );
}
