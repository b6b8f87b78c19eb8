"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ZAuditQuery } from "@/lib/audit/list-query";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { DataTable, type TColumn } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { ErrorNote } from "../ui/error-note";
import { formatWhen } from "../operations/format-time";
import {
  auditKeys,
  fetchAuditPage,
  fetchAuditVerdict,
  type TAuditFilters,
  type TAuditRow,
} from "./api";

const KEYS = ["action", "actor", "targetId"] as const;
const TEXT = {
  filters: "Filter audit log",
  field: { action: "Action", actor: "Actor email", targetId: "Target id" },
  actionHint: "e.g. auth.lockout",
  apply: "Apply",
  intact: (n: number) => `chain intact · ${n} rows`,
  broken: (seq: string | undefined) => `chain broken at #${seq}`,
  verifying: "Verifying…",
  verify: "Verify hash chain",
  system: "system",
  label: "Audit events",
  empty: "No audit events match these filters.",
  more: "Load older events",
  h: {
    seq: "#",
    at: "When (Bogotá)",
    actor: "Actor",
    action: "Action",
    target: "Target",
    details: "Details",
  },
};

const COLUMNS: TColumn<TAuditRow>[] = [
  {
    id: "seq",
    header: TEXT.h.seq,
    sortValue: (r) => Number(r.seq),
    className: "font-mono text-xs text-slate-600",
    cell: (r) => r.seq,
  },
  {
    id: "at",
    header: TEXT.h.at,
    sortValue: (r) => r.at,
    className: "whitespace-nowrap text-slate-600",
    cell: (r) => formatWhen(r.at),
  },
  {
    id: "actor",
    header: TEXT.h.actor,
    sortValue: (r) => r.actorEmail,
    className: "break-all",
    cell: (r) => r.actorEmail ?? <span className="text-slate-600">{TEXT.system}</span>,
  },
  {
    id: "action",
    header: TEXT.h.action,
    sortValue: (r) => r.action,
    cell: (r) => <code className="text-xs">{r.action}</code>,
  },
  {
    id: "target",
    header: TEXT.h.target,
    sortValue: (r) => r.targetId,
    className: "break-all font-mono text-xs",
    cell: (r) => r.targetId ?? "",
  },
  {
    id: "details",
    header: TEXT.h.details,
    className: "max-w-xs truncate font-mono text-xs text-slate-600",
    cell: (r) => (
      <span title={JSON.stringify(r.details)}>
        {Object.keys(r.details).length ? JSON.stringify(r.details) : ""}
      </span>
    ),
  },
];

// Filters live in the URL so a link reproduces exactly what the admin saw.
export function AuditLog() {
  const url = useUrlFilters(ZAuditQuery, KEYS);
  const filters: TAuditFilters = url.filters;
  const list = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verdict = useQuery({
    queryKey: auditKeys.verify(),
    queryFn: ({ signal }) => fetchAuditVerdict(signal),
    enabled: false,
  });

  function applyFilters(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next: TAuditFilters = {};
    for (const k of KEYS) {
      const v = String(f.get(k) ?? "").trim();
      if (v) next[k] = v;
    }
    void url.setFilters(next);
  }

  const rows = list.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div>
      <form
        onSubmit={applyFilters}
        className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
        key={JSON.stringify(filters)}
        aria-label={TEXT.filters}
      >
        {(["action", "actor", "targetId"] as const).map((k) => (
          <label key={k} className="text-sm font-medium text-slate-700">
            {TEXT.field[k]}
            <input
              name={k}
              defaultValue={filters[k] ?? ""}
              placeholder={k === "action" ? TEXT.actionHint : ""}
              className="mt-1 block w-56 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
        ))}
        <Button type="submit" variant="secondary">
          {TEXT.apply}
        </Button>
        <div className="ml-auto flex items-center gap-2">
          {verdict.data ? (
            verdict.data.ok ? (
              <Badge tone="green">{TEXT.intact(verdict.data.rows)}</Badge>
            ) : (
              <Badge tone="red">{TEXT.broken(verdict.data.brokenAtSeq)}</Badge>
            )
          ) : null}
          <Button
            type="button"
            variant="secondary"
            onClick={() => verdict.refetch()}
            disabled={verdict.isFetching}
          >
            {verdict.isFetching ? TEXT.verifying : TEXT.verify}
          </Button>
        </div>
      </form>
      <ErrorNote error={list.error ?? verdict.error} />
      <DataTable
        label={TEXT.label}
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.seq}
        loading={list.isPending}
        empty={TEXT.empty}
        columnMenu
      />
      <ListFooter list={list} more={TEXT.more} />
    </div>
  );
}
