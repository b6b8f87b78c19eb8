"use client";

import { useTranslations } from "next-intl";
import { ZOperationFilters } from "@/lib/operations/list-filters";
import { ErrorNote } from "../ui/error-note";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { ExportLinks } from "../ui/export-links";
import { exportHref, type TListFilters, type TOperationKind } from "./api";
import { OperationFilters } from "./operation-filters";
import { OperationsTable } from "./operations-table";
import { useOperationsList } from "./use-operations";

export const OPERATION_FILTER_KEYS = [
  "state",
  "kind",
  "range",
  "minAmount",
  "maxAmount",
  "createdBy",
  "awaitingMe",
] as const;

// A filtered, paginated operations list (Payouts and Transfers pages) with CSV export of exactly
// what the filters select. `kinds` are the kinds this page shows; the URL may narrow them.
export function OperationsList({
  kinds,
  currentUserId,
  emptyText,
}: {
  kinds: TOperationKind[];
  currentUserId: string;
  emptyText: string;
}) {
  const t = useTranslations("operations.list");
  const url = useUrlFilters(ZOperationFilters, OPERATION_FILTER_KEYS);
  const filters: TListFilters = url.filters;
  const effective: TListFilters = {
    ...filters,
    kind: filters.kind?.length ? filters.kind.filter((k) => kinds.includes(k)) : kinds,
  };
  const list = useOperationsList(effective, { refetchInterval: 15_000 });
  const rows = list.data?.pages.flatMap((p) => p.operations) ?? [];
  // A page showing one kind keeps that kind out of its URL.
  const apply = (f: TListFilters) =>
    void url.setFilters(kinds.length === 1 ? { ...f, kind: undefined } : f);

  return (
    <div>
      <OperationFilters
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={apply}
        kinds={kinds}
        currentUserId={currentUserId}
      />
      <div className="flex items-center justify-between gap-3 px-5 py-2 text-xs text-slate-600">
        <span>
          {list.isPending
            ? t("loading")
            : t("shown", { count: rows.length, more: list.hasNextPage ? "yes" : "no" })}
        </span>
        <ExportLinks href={exportHref(effective)} />
      </div>
      {url.invalid ? <p className="px-5 pb-2 text-sm text-amber-800">{t("invalid")}</p> : null}
      <div className="px-5">
        <ErrorNote error={list.error} />
      </div>
      <OperationsTable
        rows={rows}
        loading={list.isPending}
        empty={list.error ? null : <span data-testid="operations-empty">{emptyText}</span>}
      />
      <ListFooter list={list} />
    </div>
  );
}
