"use client";

import { Download } from "lucide-react";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { exportHref, type TOperationKind } from "./api";
import { OperationFilters } from "./operation-filters";
import { OperationsTable } from "./operations-table";
import { useOperationsList } from "./use-operations";
import { useUrlFilters } from "./use-url-filters";

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
  const fixed = kinds.length === 1 ? { kind: kinds } : {};
  const { filters, invalid, setFilters } = useUrlFilters(fixed);
  const effective = {
    ...filters,
    kind: filters.kind?.length ? filters.kind.filter((k) => kinds.includes(k)) : kinds,
  };
  const list = useOperationsList(effective, { refetchInterval: 15_000 });
  const rows = list.data?.pages.flatMap((p) => p.operations) ?? [];

  return (
    <div>
      <OperationFilters
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={setFilters}
        kinds={kinds}
        currentUserId={currentUserId}
      />
      <div className="flex items-center justify-between gap-3 px-5 py-2 text-xs text-slate-500">
        <span>
          {list.isPending
            ? "Loading…"
            : `${rows.length}${list.hasNextPage ? "+" : ""} shown · newest first · refreshes every 15 s`}
        </span>
        <a
          href={exportHref(effective)}
          download
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-brand-50"
          data-testid="export-csv"
        >
          <Download className="h-3.5 w-3.5" aria-hidden /> Export CSV
        </a>
      </div>
      {invalid ? (
        <p className="px-5 pb-2 text-sm text-amber-800">
          Some filters in this link were not valid and are ignored.
        </p>
      ) : null}
      <div className="px-5">
        <ErrorNote error={list.error} />
      </div>
      {rows.length ? <OperationsTable rows={rows} /> : null}
      {!list.isPending && !list.error && rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500" data-testid="operations-empty">
          {emptyText}
        </p>
      ) : null}
      {list.hasNextPage ? (
        <div className="p-4 text-center">
          <Button
            variant="secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
