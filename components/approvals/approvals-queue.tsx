"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Fragment, useState } from "react";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { formatCop } from "../money/format";
import { formatWhen } from "../operations/format-time";
import { approvalsLabel, BeneficiaryCell } from "../operations/operations-table";
import { useDecisionFlow } from "../operations/use-decision-flow";
import { useOperationsList } from "../operations/use-operations";
import type { TListFilters, TOperationRow } from "../operations/api";
import { ReviewRow } from "./review-row";

type TResult = { id: string; ok: boolean; text: string };

const VIEWS = {
  mine: { label: "Waiting for me", filters: { awaitingMe: "1" } as TListFilters },
  all: { label: "All pending", filters: { state: ["pending_approval"] } as TListFilters },
};

// The approvals queue. Bulk approve sends one decision per selected operation, in order, each
// checked by the server on its own (maker ≠ checker, fingerprint, step-up), and reports each result.
export function ApprovalsQueue({ currentUserId }: { currentUserId: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = params.get("view") === "all" ? "all" : "mine";
  const list = useOperationsList(VIEWS[view].filters, { refetchInterval: 15_000 });
  const rows = list.data?.pages.flatMap((p) => p.operations) ?? [];
  const flow = useDecisionFlow();
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<TResult[]>([]);
  const [running, setRunning] = useState(false);

  const selectable = (r: TOperationRow) => r.createdById !== currentUserId;
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const chosen = rows.filter((r) => selected.has(r.id));
  const total = chosen.reduce((a, r) => a + r.amount, 0);

  function onDecided(id: string, decision: string, state: string) {
    setResults((prev) => [
      { id, ok: true, text: `${decision}; the operation is now ${state.replace(/_/g, " ")}` },
      ...prev.filter((x) => x.id !== id),
    ]);
    setOpen(null);
  }

  async function bulkApprove() {
    if (
      !window.confirm(
        `Approve ${chosen.length} operation(s) totalling ${formatCop(total)}? Each is checked on its own.`,
      )
    )
      return;
    setRunning(true);
    const out: TResult[] = [];
    for (const r of chosen) {
      try {
        const res = await flow.run({ id: r.id, fingerprint: r.fingerprint, decision: "approved" });
        out.push({
          id: r.id,
          ok: true,
          text: `approved; the operation is now ${res.operation.state.replace(/_/g, " ")}`,
        });
      } catch (err) {
        out.push({
          id: r.id,
          ok: false,
          text:
            err instanceof ApiError
              ? `${err.problem.detail} (${err.problem.request_id})`
              : "network error: not known whether it was recorded; open it to check",
        });
      }
      setResults([...out]);
    }
    setSelected(new Set());
    setRunning(false);
  }

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-5 py-3">
        <div role="tablist" className="flex gap-1">
          {(Object.keys(VIEWS) as (keyof typeof VIEWS)[]).map((v) => (
            <button
              key={v}
              role="tab"
              aria-selected={view === v}
              onClick={() => {
                setSelected(new Set());
                router.replace(v === "mine" ? pathname : `${pathname}?view=all`);
              }}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm font-medium",
                view === v ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100",
              )}
              data-testid={`tab-${v}`}
            >
              {VIEWS[v].label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-3 text-sm">
          {chosen.length ? (
            <span className="text-slate-600">
              {chosen.length} selected · {formatCop(total)}
            </span>
          ) : null}
          <Button
            onClick={bulkApprove}
            disabled={!chosen.length || running}
            data-testid="bulk-approve"
          >
            {running ? "Approving…" : "Approve selected"}
          </Button>
        </div>
      </div>
      {results.length ? (
        <div className="border-b border-slate-100 px-5 py-3" data-testid="decision-results">
          <p className="text-sm font-medium text-slate-800">
            Decisions recorded: {results.filter((r) => r.ok).length} of {results.length}
          </p>
          <ul className="mt-1 space-y-0.5 text-sm">
            {results.map((r) => (
              <li key={r.id} className={r.ok ? "text-emerald-800" : "text-red-800"}>
                <Link href={`/operations/${r.id}`} className="font-mono text-xs underline">
                  {r.id}
                </Link>
                : {r.text}
              </li>
            ))}
          </ul>
          <Button variant="ghost" className="mt-1" onClick={() => setResults([])}>
            Dismiss
          </Button>
        </div>
      ) : null}
      <div className="px-5">
        <ErrorNote error={list.error} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="approvals-table">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-8 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select all"
                  checked={
                    rows.some(selectable) &&
                    rows.filter(selectable).every((r) => selected.has(r.id))
                  }
                  onChange={(e) =>
                    setSelected(
                      e.target.checked
                        ? new Set(rows.filter(selectable).map((r) => r.id))
                        : new Set(),
                    )
                  }
                />
              </th>
              <th className="px-4 py-2 font-medium">Operation</th>
              <th className="px-4 py-2 text-right font-medium">Amount</th>
              <th className="px-4 py-2 font-medium">Beneficiary</th>
              <th className="px-4 py-2 font-medium">Maker · reason</th>
              <th className="px-4 py-2 font-medium">Approvals</th>
              <th className="px-4 py-2">
                <span className="sr-only">Review</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <Fragment key={r.id}>
                <tr className="align-top" data-testid={`approval-row-${r.id}`}>
                  <td className="px-3 py-3">
                    <input
                      type="checkbox"
                      aria-label={`Select ${r.id}`}
                      disabled={!selectable(r)}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  </td>
                  <td className="px-4 py-3">
                    <Link
                      href={`/operations/${r.id}`}
                      className="font-mono text-xs text-brand-700 hover:underline"
                    >
                      {r.id}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {r.kind.replace("_", " ")} · {r.method} · since {formatWhen(r.createdAt)}
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums">
                    {formatCop(r.amount)}
                  </td>
                  <td className="max-w-[14rem] px-4 py-3">
                    <BeneficiaryCell op={r} />
                  </td>
                  <td className="max-w-[16rem] px-4 py-3">
                    <div>
                      {r.createdBy?.name ?? r.createdById}
                      {r.createdById === currentUserId ? " (you)" : ""}
                    </div>
                    <div className="truncate text-xs text-slate-500" title={r.reason}>
                      {r.reason}
                      {r.ticketRef ? ` · ${r.ticketRef}` : ""}
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">{approvalsLabel(r)}</td>
                  <td className="px-4 py-3 text-right">
                    <Button
                      variant="secondary"
                      onClick={() => setOpen(open === r.id ? null : r.id)}
                      aria-expanded={open === r.id}
                      data-testid={`review-toggle-${r.id}`}
                    >
                      {open === r.id ? "Close" : "Review"}
                    </Button>
                  </td>
                </tr>
                {open === r.id ? (
                  <tr>
                    <td colSpan={7} className="bg-slate-50 px-5 py-4">
                      <ReviewRow
                        id={r.id}
                        onDecided={(decision, state) => onDecided(r.id, decision, state)}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {list.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {!list.isPending && !list.error && rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500" data-testid="approvals-empty">
          {view === "mine" ? "Nothing is waiting for you." : "Nothing is waiting for approval."}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <div className="p-4 text-center">
          <Button
            variant="secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      ) : null}
      {flow.dialog}
    </div>
  );
}
