"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ZAuditQuery } from "@/lib/audit/list-query";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { DataTable, type TColumn } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { withMoney } from "../ui/money-fields";
import {
  auditKeys,
  fetchAuditPage,
  fetchAuditVerdict,
  type TAuditFilters,
  type TAuditRow,
} from "./api";

const KEYS = ["action", "actor", "targetId"] as const;

function useColumns(): TColumn<TAuditRow>[] {
  const t = useTranslations("audit");
  const f = useFormat();
  const details = (d: Record<string, unknown>) => JSON.stringify(withMoney(d, f.money));
  return [
    {
      id: "seq",
      header: t("h.seq"),
      sortValue: (r) => Number(r.seq),
      className: "font-mono text-xs text-slate-600",
      cell: (r) => r.seq,
    },
    {
      id: "at",
      header: t("h.at"),
      sortValue: (r) => r.at,
      className: "whitespace-nowrap text-slate-600",
      cell: (r) => f.when(r.at),
    },
    {
      id: "actor",
      header: t("h.actor"),
      sortValue: (r) => r.actorEmail,
      className: "break-all",
      cell: (r) => r.actorEmail ?? <span className="text-slate-600">{t("system")}</span>,
    },
    {
      id: "action",
      header: t("h.action"),
      sortValue: (r) => r.action,
      cell: (r) => <code className="text-xs">{r.action}</code>,
    },
    {
      id: "target",
      header: t("h.target"),
      sortValue: (r) => r.targetId,
      className: "break-all font-mono text-xs",
      cell: (r) => r.targetId ?? "",
    },
    {
      id: "details",
      header: t("h.details"),
      className: "max-w-xs truncate font-mono text-xs text-slate-600",
      // Money in the details (amounts, balances, policy limits) is shown as money, not minor units.
      cell: (r) => (
        <span title={details(r.details)}>
          {Object.keys(r.details).length ? details(r.details) : ""}
        </span>
      ),
    },
  ];
}

// Filters live in the URL so a link reproduces exactly what the admin saw.
export function AuditLog() {
  const t = useTranslations("audit");
  const columns = useColumns();
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
        aria-label={t("filters")}
      >
        {(["action", "actor", "targetId"] as const).map((k) => (
          <label key={k} className="text-sm font-medium text-slate-700">
            {t(`field.${k}`)}
            <input
              name={k}
              defaultValue={filters[k] ?? ""}
              placeholder={k === "action" ? t("actionHint") : ""}
              className="mt-1 block w-56 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
        ))}
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        <div className="ml-auto flex items-center gap-2">
          {verdict.data ? (
            verdict.data.ok ? (
              <Badge tone="green">{t("intact", { rows: verdict.data.rows })}</Badge>
            ) : (
              <Badge tone="red">{t("broken", { seq: verdict.data.brokenAtSeq })}</Badge>
            )
          ) : null}
          <Button
            type="button"
            variant="secondary"
            onClick={() => verdict.refetch()}
            disabled={verdict.isFetching}
          >
            {verdict.isFetching ? t("verifying") : t("verify")}
          </Button>
        </div>
      </form>
      <ErrorNote error={list.error ?? verdict.error} />
      <DataTable
        label={t("label")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.seq}
        loading={list.isPending}
        empty={t("empty")}
        columnMenu
      />
      <ListFooter list={list} more={t("more")} />
    </div>
  );
}
