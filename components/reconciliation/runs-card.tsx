"use client";

import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { formatWhen } from "../operations/format-time";
import { useRunNow, useRuns } from "./use-reconciliation";
import type { TRun } from "./api";

const STATE_TONE = { running: "blue", done: "green", failed: "red" } as const;
const WINDOWS = [1, 6, 24, 24 * 7];

const TEXT = {
  title: "Runs",
  description: (c: number, w: number) =>
    `Hourly and on demand. Open findings: ${c} critical, ${w} warning.`,
  window: "Window",
  last: (h: number) => `Last ${h < 24 ? `${h} h` : `${h / 24} d`}`,
  running: "Running…",
  runNow: "Run now",
  label: "Reconciliation runs",
  empty: "No reconciliation run yet.",
  checked: (p: number, t: number, l: number) => `${p} payouts, ${t} transfer ops, ${l} ledgers`,
  newFindings: (n: number) => `${n} new`,
  noneNew: "none new",
  stillOpen: (n: number) => `${n} still open`,
  h: {
    started: "Started (Bogotá)",
    trigger: "Trigger",
    window: "Window",
    state: "State",
    checked: "Checked",
    findings: "Findings",
  },
};

const COLUMNS = (onPickRun: (runId: string) => void): TColumn<TRun>[] => [
  {
    id: "started",
    header: TEXT.h.started,
    sortValue: (r) => r.startedAt,
    className: "whitespace-nowrap",
    cell: (r) => formatWhen(r.startedAt),
  },
  { id: "trigger", header: TEXT.h.trigger, sortValue: (r) => r.trigger, cell: (r) => r.trigger },
  {
    id: "window",
    header: TEXT.h.window,
    className: "text-slate-600",
    cell: (r) => (
      <>
        <span className="whitespace-nowrap">{formatWhen(r.windowStart)} →</span>{" "}
        <span className="whitespace-nowrap">{formatWhen(r.windowEnd)}</span>
      </>
    ),
  },
  {
    id: "state",
    header: TEXT.h.state,
    sortValue: (r) => r.state,
    cell: (r) => (
      <>
        <Badge tone={STATE_TONE[r.state]}>{r.state}</Badge>
        {r.error ? <p className="mt-1 max-w-xs text-xs text-red-700">{r.error}</p> : null}
      </>
    ),
  },
  {
    id: "checked",
    header: TEXT.h.checked,
    className: "text-xs text-slate-600",
    cell: (r) =>
      r.summary
        ? TEXT.checked(
            r.summary.checked.payouts ?? 0,
            r.summary.checked.transfers ?? 0,
            r.summary.checked.ledgerAccounts ?? 0,
          )
        : "—",
  },
  {
    id: "findings",
    header: TEXT.h.findings,
    sortValue: (r) => r.newFindings,
    cell: (r) => (
      <>
        {r.newFindings > 0 ? (
          <button
            type="button"
            className="text-brand-700 hover:underline"
            onClick={() => onPickRun(r.id)}
          >
            {TEXT.newFindings(r.newFindings)}
          </button>
        ) : (
          <span className="text-slate-600">{TEXT.noneNew}</span>
        )}
        {r.summary?.stillOpen ? (
          <span className="ml-2 text-xs text-slate-600">{TEXT.stillOpen(r.summary.stillOpen)}</span>
        ) : null}
      </>
    ),
  },
];

export function RunsCard({
  canRun,
  onPickRun,
}: {
  canRun: boolean;
  onPickRun: (runId: string) => void;
}) {
  const runs = useRuns();
  const run = useRunNow();
  const [hours, setHours] = useState(24);
  const open = runs.data?.open ?? {};
  return (
    <>
      <CardHeader
        title={TEXT.title}
        description={TEXT.description(open.critical ?? 0, open.warning ?? 0)}
        actions={
          canRun ? (
            <div className="flex items-center gap-2">
              <select
                aria-label={TEXT.window}
                value={hours}
                onChange={(e) => setHours(Number(e.target.value))}
                className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              >
                {WINDOWS.map((h) => (
                  <option key={h} value={h}>
                    {TEXT.last(h)}
                  </option>
                ))}
              </select>
              <Button disabled={run.isPending} onClick={() => run.mutate(hours)}>
                {run.isPending ? TEXT.running : TEXT.runNow}
              </Button>
            </div>
          ) : null
        }
      />
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={runs.error ?? run.error} />
      </div>
      <DataTable
        label={TEXT.label}
        columns={COLUMNS(onPickRun)}
        rows={runs.data?.runs ?? []}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "run-row" })}
        loading={runs.isPending}
        empty={TEXT.empty}
        maxHeight="max-h-[24rem]"
      />
    </>
  );
}
