"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { DRIFT_KINDS, ZFindingListQuery } from "@/lib/reconcile/list-query";
import { ListFooter } from "../ui/list-footer";
import { ErrorNote } from "../ui/error-note";
import { findingsSearch, type TFindingFilters } from "./api";
import { FindingRow, KIND_LABEL } from "./finding-row";
import { RunsCard } from "./runs-card";
import { useFindings, useResolveFinding } from "./use-reconciliation";
import { Card, CardHeader } from "../ui/card";

const select = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

// Filters (?status=&severity=&kind=&runId=) in the URL, parsed with the API's schema.
function useFindingFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.toString();
  const f = useMemo<TFindingFilters>(() => {
    const sp = new URLSearchParams(raw);
    const picked = Object.fromEntries(
      ["status", "severity", "kind", "runId"].flatMap((k) => (sp.get(k) ? [[k, sp.get(k)!]] : [])),
    );
    const r = ZFindingListQuery.safeParse(picked);
    const d = r.success ? r.data : ZFindingListQuery.parse({});
    return { status: d.status, severity: d.severity, kind: d.kind, runId: d.runId };
  }, [raw]);
  const set = (next: TFindingFilters) => {
    const q = findingsSearch(next);
    router.replace(q.size ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  return { f, set };
}

export function ReconciliationView({ canRun }: { canRun: boolean }) {
  const { f, set } = useFindingFilters();
  const list = useFindings(f);
  const resolve = useResolveFinding();
  const rows = list.data?.pages.flatMap((p) => p.findings) ?? [];
  return (
    <div className="space-y-6">
      <Card>
        <RunsCard canRun={canRun} onPickRun={(runId) => set({ ...f, runId, status: "all" })} />
      </Card>
      <Card>
        <CardHeader
          title="Findings"
          description="Each with the evidence read from Mono. Critical findings raise an alert until resolved."
        />
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
          <select
            aria-label="Status"
            className={select}
            value={f.status}
            onChange={(e) => set({ ...f, status: e.target.value as TFindingFilters["status"] })}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="all">All</option>
          </select>
          <select
            aria-label="Severity"
            className={select}
            value={f.severity ?? ""}
            onChange={(e) =>
              set({ ...f, severity: (e.target.value || undefined) as TFindingFilters["severity"] })
            }
          >
            <option value="">All severities</option>
            <option value="critical">Critical</option>
            <option value="warning">Warning</option>
          </select>
          <select
            aria-label="Kind"
            className={select}
            value={f.kind ?? ""}
            onChange={(e) =>
              set({ ...f, kind: (e.target.value || undefined) as TFindingFilters["kind"] })
            }
          >
            <option value="">All kinds</option>
            {DRIFT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
          {f.runId ? (
            <button
              type="button"
              className="text-sm text-brand-700 hover:underline"
              onClick={() => set({ ...f, runId: undefined })}
            >
              Run {f.runId} ✕
            </button>
          ) : null}
        </div>
        <div className="space-y-2 px-5 pt-3">
          <ErrorNote error={list.error ?? resolve.error} />
        </div>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Severity", "Finding and evidence", "Found (Bogotá)", "Resolution"].map((h) => (
                  <th key={h} className="px-5 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((d) => (
                <FindingRow
                  key={d.id}
                  f={d}
                  canResolve={canRun}
                  busy={resolve.isPending}
                  onResolve={(reason) => resolve.mutate({ id: d.id, reason })}
                />
              ))}
            </tbody>
          </table>
          <ListFooter
            list={list}
            count={rows.length}
            empty="No findings match these filters."
            more="Load older findings"
          />
        </div>
      </Card>
    </div>
  );
}
