"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { CopyButton } from "../ui/copy-button";
import { DataTable, type TColumn } from "../ui/data-table";
import type { TAttempt } from "./api";

function statusTone(s: number | null): "green" | "yellow" | "red" | "gray" {
  if (s === null) return "red";
  if (s < 300) return "green";
  if (s < 500) return "yellow";
  return "red";
}

// Every HTTP attempt to Mono for this operation: the ids Mono support asks for, and why we waited.
export function AttemptsTable({ attempts }: { attempts: TAttempt[] }) {
  const t = useTranslations("operations.attempts");
  const f = useFormat();
  const columns: TColumn<TAttempt>[] = [
    {
      id: "n",
      header: t("h.n"),
      sortValue: (a) => a.attempt,
      className: "tabular-nums",
      cell: (a) => a.attempt,
    },
    {
      id: "at",
      header: t("h.at"),
      sortValue: (a) => a.at,
      className: "whitespace-nowrap text-slate-600",
      cell: (a) => f.when(a.at),
    },
    {
      id: "call",
      header: t("h.call"),
      className: "break-all font-mono text-xs",
      cell: (a) => (a.endpoint.startsWith(a.method) ? a.endpoint : `${a.method} ${a.endpoint}`),
    },
    {
      id: "status",
      header: t("h.status"),
      sortValue: (a) => a.status ?? 0,
      cell: (a) => (
        <>
          <Badge tone={statusTone(a.status)}>{a.status ?? t("network")}</Badge>
          {a.errorCode ? (
            <div className="mt-1 break-all font-mono text-xs text-red-700">{a.errorCode}</div>
          ) : null}
        </>
      ),
    },
    {
      id: "latency",
      header: t("h.latency"),
      sortValue: (a) => a.durationMs,
      className: "tabular-nums",
      cell: (a) => f.duration(a.durationMs),
    },
    {
      id: "waited",
      header: t("h.waited"),
      cell: (a) =>
        a.delayBeforeMs
          ? `${f.duration(a.delayBeforeMs)}${a.delayReason ? ` (${a.delayReason})` : ""}`
          : "—",
    },
    {
      id: "ids",
      header: t("h.ids"),
      className: "font-mono text-xs",
      cell: (a) => (
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-1">
            <span className="break-all">{a.requestId}</span>
            <CopyButton value={a.requestId} label={t("copyRequest")} iconOnly />
          </div>
          {a.monoLogId ? (
            <div className="flex flex-wrap items-center gap-1 text-slate-600">
              <span className="break-all">{a.monoLogId}</span>
              <CopyButton value={a.monoLogId} label={t("copyLog")} iconOnly />
            </div>
          ) : null}
        </div>
      ),
    },
  ];
  return (
    <DataTable
      label={t("label")}
      testId="attempts"
      columns={columns}
      rows={attempts}
      rowKey={(a) => a.requestId}
      empty={t("empty")}
      dense
    />
  );
}
