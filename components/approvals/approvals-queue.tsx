"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { formatCop } from "../money/format";
import { formatWhen } from "../operations/format-time";
import { approvalsLabel, operationColumns } from "../operations/operations-table";
import { DataTable, type TColumn } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { useDecisionFlow } from "../operations/use-decision-flow";
import { useOperationsList } from "../operations/use-operations";
import type { TListFilters, TOperationRow } from "../operations/api";
import { ReviewRow } from "./review-row";

type TResult = { id: string; ok: boolean; text: string };

const TEXT = {
  label: "Operations waiting for approval",
  mine: "Waiting for me",
  all: "All pending",
  select: "Select",
  selectAll: "Select all",
  selectOne: (id: string) => `Select ${id}`,
  since: "since",
  by: "by",
  you: " (you)",
  approvalsShort: "approvals",
  review: "Review",
  reviewButton: "Review",
  close: "Close",
  emptyMine: "Nothing is waiting for you.",
  emptyAll: "Nothing is waiting for approval.",
  confirmBulk: (n: number, total: string) =>
    `Approve ${n} operation(s) totalling ${total}? Each is checked on its own.`,
  decided: (decision: string, state: string) =>
    `${decision}; the operation is now ${state.replace(/_/g, " ")}`,
  network: "network error: not known whether it was recorded; open it to check",
  selected: (n: number, total: string) => `${n} selected · ${total}`,
  approving: "Approving…",
  approveSelected: "Approve selected",
  recorded: (ok: number, n: number) => `Decisions recorded: ${ok} of ${n}`,
  dismiss: "Dismiss",
  age: "Waiting",
  expiresIn: "Expires in",
  expired: "due to expire now",
  duration: (ms: number) => {
    const h = Math.floor(ms / 3_600_000);
    return h >= 48
      ? `${Math.floor(h / 24)} d`
      : h >= 1
        ? `${h} h`
        : `${Math.max(1, Math.floor(ms / 60_000))} min`;
  },
};

const VIEWS = {
  mine: { label: TEXT.mine, filters: { awaitingMe: "1" } as TListFilters },
  all: { label: TEXT.all, filters: { state: ["pending_approval"] } as TListFilters },
};
const ZView = z.object({ view: z.enum(["mine", "all"]).default("mine") });
const VIEW_KEYS = ["view"] as const;

// The approvals queue. Bulk approve sends one decision per selected operation, in order, each
// checked by the server on its own (maker ≠ checker, fingerprint, step-up), and reports each result.
// Oldest first (the one closest to expiring on top), with its age and the time left before the
// policy's approval window (expiryDays) expires it. Pending approvals are few and bounded by that
// window, so every page is loaded (up to MAX_PAGES) before sorting.
const MAX_PAGES = 20;
export function ApprovalsQueue({
  currentUserId,
  expiryDays,
}: {
  currentUserId: string;
  expiryDays?: number;
}) {
  const url = useUrlFilters(ZView, VIEW_KEYS);
  const view = url.filters.view ?? "mine";
  const list = useOperationsList(VIEWS[view].filters, { refetchInterval: 15_000 });
  const pages = list.data?.pages.length ?? 0;
  useEffect(() => {
    if (list.hasNextPage && !list.isFetchingNextPage && pages < MAX_PAGES)
      void list.fetchNextPage();
  }, [list, pages]);
  const rows = (list.data?.pages.flatMap((p) => p.operations) ?? [])
    .slice()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // "Now" is when the list was last fetched (every 15 s): render stays pure.
  const now = list.dataUpdatedAt;
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
      { id, ok: true, text: TEXT.decided(decision, state) },
      ...prev.filter((x) => x.id !== id),
    ]);
    setOpen(null);
  }

  async function bulkApprove() {
    if (!window.confirm(TEXT.confirmBulk(chosen.length, formatCop(total)))) return;
    setRunning(true);
    const out: TResult[] = [];
    for (const r of chosen) {
      try {
        const res = await flow.run({ id: r.id, fingerprint: r.fingerprint, decision: "approved" });
        out.push({
          id: r.id,
          ok: true,
          text: TEXT.decided("approved", res.operation.state),
        });
      } catch (err) {
        out.push({
          id: r.id,
          ok: false,
          text:
            err instanceof ApiError
              ? `${err.problem.detail} (${err.problem.request_id})`
              : TEXT.network,
        });
      }
      setResults([...out]);
    }
    setSelected(new Set());
    setRunning(false);
  }

  const allSelectable = rows.filter(selectable);
  const c = operationColumns;
  const columns: TColumn<TOperationRow>[] = [
    {
      id: "select",
      header: TEXT.select,
      hideHeader: true,
      headerCell: (
        <input
          type="checkbox"
          aria-label={TEXT.selectAll}
          checked={allSelectable.length > 0 && allSelectable.every((r) => selected.has(r.id))}
          onChange={(e) =>
            setSelected(e.target.checked ? new Set(allSelectable.map((r) => r.id)) : new Set())
          }
        />
      ),
      className: "w-8",
      cell: (r) => (
        <input
          type="checkbox"
          aria-label={TEXT.selectOne(r.id)}
          disabled={!selectable(r)}
          checked={selected.has(r.id)}
          onChange={() => toggle(r.id)}
        />
      ),
    },
    c.id((r) => (
      <>
        <div className="text-xs text-slate-600">
          {TEXT.since} {formatWhen(r.createdAt)}
        </div>
        <div className="mt-0.5 text-xs text-slate-800">
          {TEXT.by} {r.createdBy?.name ?? r.createdById}
          {r.createdById === currentUserId ? TEXT.you : ""}
        </div>
        {c.reason(r)}
      </>
    )),
    {
      ...c.amount(),
      cell: (r) => (
        <>
          <div className="font-medium tabular-nums">{formatCop(r.amount)}</div>
          <div className="mt-0.5 text-xs font-normal text-slate-600">
            {TEXT.approvalsShort} {approvalsLabel(r)}
          </div>
        </>
      ),
    },
    c.beneficiary(),
    {
      id: "age",
      header: TEXT.age,
      cell: (r) => TEXT.duration(now - Date.parse(r.createdAt)),
      sortValue: (r) => r.createdAt,
    },
    ...(expiryDays
      ? [
          {
            id: "expiresIn",
            header: TEXT.expiresIn,
            cell: (r: TOperationRow) => {
              const left = Date.parse(r.createdAt) + expiryDays * 86_400_000 - now;
              return (
                <span className={left < 86_400_000 ? "font-medium text-red-700" : undefined}>
                  {left <= 0 ? TEXT.expired : TEXT.duration(left)}
                </span>
              );
            },
          } satisfies TColumn<TOperationRow>,
        ]
      : []),
    {
      id: "review",
      header: TEXT.review,
      hideHeader: true,
      align: "right",
      cell: (r) => (
        <Button
          variant="secondary"
          onClick={() => setOpen(open === r.id ? null : r.id)}
          aria-expanded={open === r.id}
          data-testid={`review-toggle-${r.id}`}
        >
          {open === r.id ? TEXT.close : TEXT.reviewButton}
        </Button>
      ),
    },
  ];

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
                void url.setFilters({ view: v });
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
            <span className="text-slate-600">{TEXT.selected(chosen.length, formatCop(total))}</span>
          ) : null}
          <Button
            onClick={bulkApprove}
            disabled={!chosen.length || running}
            data-testid="bulk-approve"
          >
            {running ? TEXT.approving : TEXT.approveSelected}
          </Button>
        </div>
      </div>
      {results.length ? (
        <div className="border-b border-slate-100 px-5 py-3" data-testid="decision-results">
          <p className="text-sm font-medium text-slate-800">
            {TEXT.recorded(results.filter((r) => r.ok).length, results.length)}
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
            {TEXT.dismiss}
          </Button>
        </div>
      ) : null}
      <div className="px-5">
        <ErrorNote error={list.error} />
      </div>
      <DataTable
        label={TEXT.label}
        testId="approvals-table"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ "data-testid": `approval-row-${r.id}` })}
        expanded={(r) =>
          open === r.id ? (
            <ReviewRow
              id={r.id}
              onDecided={(decision, state) => onDecided(r.id, decision, state)}
            />
          ) : null
        }
        loading={list.isPending}
        empty={
          list.error ? null : (
            <span data-testid="approvals-empty">
              {view === "mine" ? TEXT.emptyMine : TEXT.emptyAll}
            </span>
          )
        }
        dense
      />
      <ListFooter list={list} />
      {flow.dialog}
    </div>
  );
}
