"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Button } from "../ui/button";
import { ListFooter } from "../ui/list-footer";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import type { TAlertFilters } from "./api";
import { AlertRow } from "./alert-row";
import { useAcknowledgeAlert, useAlertList, useEvaluateNow, useResolveAlert } from "./use-alerts";

const STATES: TAlertFilters["state"][] = ["active", "open", "acknowledged", "resolved", "all"];

// Filters in the URL (?state=&severity=); acknowledge/resolve for operators and above.
export function AlertsList({ canManage }: { canManage: boolean }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const stateParam = params.get("state") as TAlertFilters["state"] | null;
  const f: TAlertFilters = {
    state: stateParam && STATES.includes(stateParam) ? stateParam : "active",
    severity: params.get("severity") ?? undefined,
  };
  const list = useAlertList(f);
  const ack = useAcknowledgeAlert();
  const resolve = useResolveAlert();
  const evaluate = useEvaluateNow();
  const setFilter = (k: string, v: string | undefined) => {
    const sp = new URLSearchParams(params.toString());
    if (v) sp.set(k, v);
    else sp.delete(k);
    router.replace(`${pathname}?${sp}`);
  };
  const rows = list.data?.pages.flatMap((p) => p.alerts) ?? [];
  const busy = ack.isPending || resolve.isPending;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
        <div
          role="group"
          aria-label="State"
          className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300"
        >
          {STATES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={f.state === s}
              onClick={() => setFilter("state", s === "active" ? undefined : s)}
              className={cn(
                "px-3 py-1.5 text-xs font-medium",
                f.state === s
                  ? "bg-brand-600 text-white"
                  : "bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {s}
            </button>
          ))}
        </div>
        <select
          aria-label="Severity"
          value={f.severity ?? ""}
          onChange={(e) => setFilter("severity", e.target.value || undefined)}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">All severities</option>
          <option value="critical">Critical</option>
          <option value="warning">Warning</option>
        </select>
        {canManage ? (
          <Button
            className="ml-auto"
            variant="secondary"
            disabled={evaluate.isPending}
            onClick={() => evaluate.mutate()}
          >
            {evaluate.isPending ? "Checking…" : "Check now"}
          </Button>
        ) : null}
      </div>
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={list.error ?? ack.error ?? resolve.error ?? evaluate.error} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              {["Severity", "Alert", "Opened (Bogotá)", "State", ""].map((h) => (
                <th key={h} className="px-5 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((a) => (
              <AlertRow
                key={a.id}
                a={a}
                canManage={canManage}
                busy={busy}
                onAcknowledge={() => ack.mutate(a.id)}
                onResolve={() => resolve.mutate({ id: a.id })}
              />
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        list={list}
        count={rows.length}
        empty="No alerts match these filters."
        more="Load older alerts"
      />
    </div>
  );
}
