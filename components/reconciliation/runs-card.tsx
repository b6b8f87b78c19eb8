"use client";

import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { formatWhen } from "../operations/format-time";
import { useRunNow, useRuns } from "./use-reconciliation";

const STATE_TONE = { running: "blue", done: "green", failed: "red" } as const;
const WINDOWS = [1, 6, 24, 24 * 7];

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
        title="Runs"
        description={`Hourly and on demand. Open findings: ${open.critical ?? 0} critical, ${open.warning ?? 0} warning.`}
        actions={
          canRun ? (
            <div className="flex items-center gap-2">
              <select
                aria-label="Window"
                value={hours}
                onChange={(e) => setHours(Number(e.target.value))}
                className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
              >
                {WINDOWS.map((h) => (
                  <option key={h} value={h}>
                    Last {h < 24 ? `${h} h` : `${h / 24} d`}
                  </option>
                ))}
              </select>
              <Button disabled={run.isPending} onClick={() => run.mutate(hours)}>
                {run.isPending ? "Running…" : "Run now"}
              </Button>
            </div>
          ) : null
        }
      />
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={runs.error ?? run.error} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {["Started (Bogotá)", "Trigger", "Window", "State", "Checked", "Findings"].map(
                (h) => (
                  <th key={h} className="px-5 py-2 font-medium">
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(runs.data?.runs ?? []).map((r) => (
              <tr key={r.id} data-testid="run-row" className="align-top">
                <td className="whitespace-nowrap px-5 py-2.5">{formatWhen(r.startedAt)}</td>
                <td className="px-5 py-2.5">{r.trigger}</td>
                <td className="whitespace-nowrap px-5 py-2.5 text-slate-600">
                  {formatWhen(r.windowStart)} → {formatWhen(r.windowEnd)}
                </td>
                <td className="px-5 py-2.5">
                  <Badge tone={STATE_TONE[r.state]}>{r.state}</Badge>
                  {r.error ? <p className="mt-1 max-w-xs text-xs text-red-700">{r.error}</p> : null}
                </td>
                <td className="px-5 py-2.5 text-xs text-slate-600">
                  {r.summary
                    ? `${r.summary.checked.payouts ?? 0} payouts, ${r.summary.checked.transfers ?? 0} transfer ops, ${r.summary.checked.ledgerAccounts ?? 0} ledgers`
                    : "—"}
                </td>
                <td className="px-5 py-2.5">
                  {r.newFindings > 0 ? (
                    <button
                      type="button"
                      className="text-brand-700 hover:underline"
                      onClick={() => onPickRun(r.id)}
                    >
                      {r.newFindings} new
                    </button>
                  ) : (
                    <span className="text-slate-500">none new</span>
                  )}
                  {r.summary?.stillOpen ? (
                    <span className="ml-2 text-xs text-slate-500">
                      {r.summary.stillOpen} still open
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!runs.isPending && (runs.data?.runs.length ?? 0) === 0 ? (
          <p className="p-5 text-sm text-slate-500">No reconciliation run yet.</p>
        ) : null}
      </div>
    </>
  );
}
