"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { ErrorNote, useDetailText } from "../ui/error-note";
import { cn } from "../ui/cn";
import { useFormat } from "../i18n/use-format";
import { useOperationColumns } from "../operations/operations-table";
import { useStateLabel } from "../operations/state-badge";
import { DataTable, type TColumn } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { useDecisionFlow } from "../operations/use-decision-flow";
import { useOperationsList } from "../operations/use-operations";
import type { TListFilters, TOperationRow } from "../operations/api";
import { ReviewRow } from "./review-row";

type TResult = { id: string; ok: boolean; text: string };

// An age or a time left, to the unit that matters: days past two days, hours past one, else minutes.
function coarse(ms: number): number {
  const h = Math.floor(ms / 3_600_000);
  return h >= 48
    ? Math.floor(h / 24) * 86_400_000
    : h >= 1
      ? h * 3_600_000
      : Math.max(1, Math.floor(ms / 60_000)) * 60_000;
}

const VIEWS = {
  mine: { filters: { awaitingMe: "1" } as TListFilters },
  all: { filters: { state: ["pending_approval"] } as TListFilters },
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
  const t = useTranslations("approvals.queue");
  const f = useFormat();
  const detailText = useDetailText();
  const stateLabel = useStateLabel();
  const { columns: c, approvalsLabel } = useOperationColumns();
  const decided = (decision: string, state: string) =>
    t("decided", {
      decision: t.has(`decisions.${decision}`) ? t(`decisions.${decision}`) : decision,
      state: stateLabel(state),
    });
  const duration = (ms: number) => f.duration(coarse(ms));
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
      { id, ok: true, text: decided(decision, state) },
      ...prev.filter((x) => x.id !== id),
    ]);
    setOpen(null);
  }

  async function bulkApprove() {
    if (!window.confirm(t("confirmBulk", { count: chosen.length, total: f.money(total) }))) return;
    setRunning(true);
    const out: TResult[] = [];
    for (const r of chosen) {
      try {
        const res = await flow.run({ id: r.id, fingerprint: r.fingerprint, decision: "approved" });
        out.push({
          id: r.id,
          ok: true,
          text: decided("approved", res.operation.state),
        });
      } catch (err) {
        out.push({
          id: r.id,
          ok: false,
          text:
            err instanceof ApiError
              ? `${detailText(err.problem)} (${err.problem.request_id})`
              : t("network"),
        });
      }
      setResults([...out]);
    }
    setSelected(new Set());
    setRunning(false);
  }

  const allSelectable = rows.filter(selectable);
  const columns: TColumn<TOperationRow>[] = [
    {
      id: "select",
      header: t("select"),
      hideHeader: true,
      headerCell: (
        <input
          type="checkbox"
          aria-label={t("selectAll")}
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
          aria-label={t("selectOne", { id: r.id })}
          disabled={!selectable(r)}
          checked={selected.has(r.id)}
          onChange={() => toggle(r.id)}
        />
      ),
    },
    c.id((r) => (
      <>
        <div className="text-xs text-slate-600">{t("since", { when: f.when(r.createdAt) })}</div>
        <div className="mt-0.5 text-xs text-slate-800">
          {t("by", { name: r.createdBy?.name ?? r.createdById })}
          {r.createdById === currentUserId ? t("you") : ""}
        </div>
        {c.reason(r)}
      </>
    )),
    {
      ...c.amount(),
      cell: (r) => (
        <>
          <div className="font-medium tabular-nums">{f.money(r.amount)}</div>
          <div className="mt-0.5 text-xs font-normal text-slate-600">
            {t("approvals", { label: approvalsLabel(r) })}
          </div>
        </>
      ),
    },
    c.beneficiary(),
    {
      id: "age",
      header: t("age"),
      cell: (r) => duration(now - Date.parse(r.createdAt)),
      sortValue: (r) => r.createdAt,
    },
    ...(expiryDays
      ? [
          {
            id: "expiresIn",
            header: t("expiresIn"),
            cell: (r: TOperationRow) => {
              const left = Date.parse(r.createdAt) + expiryDays * 86_400_000 - now;
              return (
                <span className={left < 86_400_000 ? "font-medium text-red-700" : undefined}>
                  {left <= 0 ? t("expired") : duration(left)}
                </span>
              );
            },
          } satisfies TColumn<TOperationRow>,
        ]
      : []),
    {
      id: "review",
      header: t("review"),
      hideHeader: true,
      align: "right",
      cell: (r) => (
        <Button
          variant="secondary"
          onClick={() => setOpen(open === r.id ? null : r.id)}
          aria-expanded={open === r.id}
          data-testid={`review-toggle-${r.id}`}
        >
          {open === r.id ? t("close") : t("review")}
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
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-3 text-sm">
          {chosen.length ? (
            <span className="text-slate-600">
              {t("selected", { count: chosen.length, total: f.money(total) })}
            </span>
          ) : null}
          <Button
            onClick={bulkApprove}
            disabled={!chosen.length || running}
            data-testid="bulk-approve"
          >
            {running ? t("approving") : t("approveSelected")}
          </Button>
        </div>
      </div>
      {results.length ? (
        <div className="border-b border-slate-100 px-5 py-3" data-testid="decision-results">
          <p className="text-sm font-medium text-slate-800">
            {t("recorded", { ok: results.filter((r) => r.ok).length, count: results.length })}
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
            {t("dismiss")}
          </Button>
        </div>
      ) : null}
      <div className="px-5">
        <ErrorNote error={list.error} />
      </div>
      <DataTable
        label={t("label")}
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
              {view === "mine" ? t("emptyMine") : t("emptyAll")}
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
