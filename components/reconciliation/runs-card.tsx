"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { useRunNow, useRuns } from "./use-reconciliation";
import type { TRun } from "./api";

const STATE_TONE = { running: "blue", done: "green", failed: "red" } as const;
const WINDOWS = [1, 6, 24, 24 * 7];

function useColumns(onPickRun: (runId: string) => void): TColumn<TRun>[] {
  const t = useTranslations("reconciliation.runs");
  const f = useFormat();
  return [
    {
      id: "started",
      header: t("h.started"),
      sortValue: (r) => r.startedAt,
      className: "whitespace-nowrap",
      cell: (r) => f.when(r.startedAt),
    },
    {
      id: "trigger",
      header: t("h.trigger"),
      sortValue: (r) => r.trigger,
      cell: (r) => t(`trigger.${r.trigger}`),
    },
    {
      id: "window",
      header: t("h.window"),
      className: "text-slate-600",
      cell: (r) => (
        <>
          <span className="whitespace-nowrap">{f.when(r.windowStart)} →</span>{" "}
          <span className="whitespace-nowrap">{f.when(r.windowEnd)}</span>
        </>
      ),
    },
    {
      id: "state",
      header: t("h.state"),
      sortValue: (r) => r.state,
      cell: (r) => (
        <>
          <Badge tone={STATE_TONE[r.state]}>{t(`state.${r.state}`)}</Badge>
          {r.error ? <p className="mt-1 max-w-xs text-xs text-red-700">{r.error}</p> : null}
        </>
      ),
    },
    {
      id: "checked",
      header: t("h.checked"),
      className: "text-xs text-slate-600",
      cell: (r) =>
        r.summary
          ? t("checked", {
              payouts: r.summary.checked.payouts ?? 0,
              transfers: r.summary.checked.transfers ?? 0,
              ledgers: r.summary.checked.ledgerAccounts ?? 0,
            })
          : "—",
    },
    {
      id: "findings",
      header: t("h.findings"),
      sortValue: (r) => r.newFindings,
      cell: (r) => (
        <>
          {r.newFindings > 0 ? (
            <button
              type="button"
              className="text-brand-700 hover:underline"
              onClick={() => onPickRun(r.id)}
            >
              {t("newFindings", { count: r.newFindings })}
            </button>
          ) : (
            <span className="text-slate-600">{t("noneNew")}</span>
          )}
          {r.summary?.stillOpen ? (
            <span className="ml-2 text-xs text-slate-600">
              {t("stillOpen", { count: r.summary.stillOpen })}
            </span>
          ) : null}
        </>
      ),
    },
  ];
}

export function RunsCard({
  canRun,
  onPickRun,
}: {
  canRun: boolean;
  onPickRun: (runId: string) => void;
}) {
  const t = useTranslations("reconciliation.runs");
  const columns = useColumns(onPickRun);
  const runs = useRuns();
  const run = useRunNow();
  const [hours, setHours] = useState(24);
  const open = runs.data?.open ?? {};
  return (
    <>
      <CardHeader
        title={t("title")}
        description={t("description", { critical: open.critical ?? 0, warning: open.warning ?? 0 })}
        actions={
          canRun ? (
            <div className="flex items-center gap-2">
              <select
                aria-label={t("window")}
                value={hours}
                onChange={(e) => setHours(Number(e.target.value))}
                className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              >
                {WINDOWS.map((h) => (
                  <option key={h} value={h}>
                    {h < 24 ? t("lastHours", { hours: h }) : t("lastDays", { days: h / 24 })}
                  </option>
                ))}
              </select>
              <Button disabled={run.isPending} onClick={() => run.mutate(hours)}>
                {run.isPending ? t("running") : t("runNow")}
              </Button>
            </div>
          ) : null
        }
      />
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={runs.error ?? run.error} />
      </div>
      <DataTable
        label={t("label")}
        columns={columns}
        rows={runs.data?.runs ?? []}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "run-row" })}
        loading={runs.isPending}
        empty={t("empty")}
        maxHeight="max-h-[24rem]"
      />
    </>
  );
}
