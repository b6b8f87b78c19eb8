"use client";

import { Fragment, useMemo } from "react";
import { useTranslations } from "next-intl";
import { ArrowDown, ArrowUp, ArrowUpDown, Columns3 } from "lucide-react";
import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type Row,
  type RowData,
} from "@tanstack/react-table";
import { cn } from "./cn";

// Every list and table of the console is one of these: headless sorting and column visibility
// from @tanstack/react-table, markup and accessibility here. The table sits in a scrolling region
// the keyboard can reach (tabIndex 0, role region, a label), its header row stays in view while it
// scrolls, and it says when it is loading or has nothing to show.

export type TColumn<T> = {
  id: string;
  /** Header text; with `hideHeader` it is read by screen readers only (checkbox, actions). */
  header: string;
  hideHeader?: boolean;
  /** Custom header content (e.g. a "select all" checkbox); `header` stays its accessible name. */
  headerCell?: React.ReactNode;
  cell: (row: T, index: number) => React.ReactNode;
  /** Makes the column sortable by this value (numbers compare as numbers, the rest as text). */
  sortValue?: (row: T) => string | number | null | undefined;
  align?: "left" | "right";
  className?: string;
  headerClassName?: string;
  /** Offered in the Columns menu (default: sortable or plain data columns, not hideHeader ones). */
  canHide?: boolean;
  /** Hidden until the reader turns it on in the Columns menu. */
  hidden?: boolean;
};

export type TDataTableProps<T> = {
  /** Names the scrolling region and the table for assistive technology. */
  label: string;
  columns: TColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  loading?: boolean;
  /** Shown in place of rows when there are none and nothing is loading. */
  empty?: React.ReactNode;
  /** Extra attributes of a row: test ids, a highlight, a click handler. */
  rowProps?: (row: T, index: number) => React.HTMLAttributes<HTMLTableRowElement> & TDataAttrs;
  /** A full-width row under a row (an inline review, details); null for none. */
  expanded?: (row: T) => React.ReactNode | null;
  initialSort?: { id: string; desc?: boolean };
  /** Offer the Columns menu (show or hide columns). */
  columnMenu?: boolean;
  /** Tailwind max-height of the scrolling region; the header sticks inside it. */
  maxHeight?: string;
  /** Tailwind min-width of the table (wide editable grids). */
  minWidth?: string;
  dense?: boolean;
  testId?: string;
  className?: string;
};

type TDataAttrs = { [k: `data-${string}`]: string | number | boolean | undefined };

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnVisibilityFeature,
});
type TFeatures = typeof features;

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "es-CO", { numeric: true });
}

export function DataTable<T extends RowData>({
  label,
  columns,
  rows,
  rowKey,
  loading = false,
  empty,
  rowProps,
  expanded,
  initialSort,
  columnMenu = false,
  maxHeight = "max-h-[70vh]",
  minWidth,
  dense = false,
  testId,
  className,
}: TDataTableProps<T>) {
  const t = useTranslations("ui.dataTable");
  // The table models need stable column definitions (rebuilt when the column set changes); cells
  // render from the latest props.
  const shape = columns.map((c) => `${c.id}:${c.sortValue ? 1 : 0}:${c.hidden ? 1 : 0}`).join();
  const defs = useMemo<ColumnDef<TFeatures, T, unknown>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        header: c.header,
        accessorFn: (row: T) => c.sortValue?.(row),
        enableSorting: !!c.sortValue,
        enableHiding: c.canHide ?? !c.hideHeader,
        sortUndefined: "last" as const,
        sortFn: (a: Row<TFeatures, T>, b: Row<TFeatures, T>, id: string) =>
          compare(a.getValue(id), b.getValue(id)),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when the column shape changes
    [shape],
  );
  const initialState = useMemo(
    () => ({
      sorting: initialSort ? [{ id: initialSort.id, desc: !!initialSort.desc }] : [],
      columnVisibility: Object.fromEntries(
        columns.filter((c) => c.hidden).map((c) => [c.id, false]),
      ),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- initial only
    [],
  );
  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (r: T) => rowKey(r),
    initialState,
  });
  const byId = new Map(columns.map((c) => [c.id, c]));
  const visible = table.getVisibleLeafColumns();
  const pad = dense ? "px-3 py-1.5" : "px-4 py-2.5";
  const model = table.getRowModel().rows;
  const hideable = table.getAllLeafColumns().filter((c) => c.getCanHide());

  return (
    <div className={cn("min-w-0", className)}>
      {columnMenu && hideable.length > 1 ? (
        <div className="flex justify-end px-4 pt-2">
          <details className="relative text-sm">
            <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100">
              <Columns3 className="h-4 w-4" aria-hidden /> {t("columns")}
            </summary>
            <div className="absolute right-0 z-20 mt-1 grid w-56 gap-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
              {hideable.map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={c.getIsVisible()}
                    onChange={(e) => c.toggleVisibility(e.target.checked)}
                  />
                  {byId.get(c.id)?.header ?? c.id}
                </label>
              ))}
            </div>
          </details>
        </div>
      ) : null}
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className={cn("overflow-auto focus-visible:outline-offset-[-2px]", maxHeight)}
      >
        <table
          className={cn("w-full text-left text-sm", minWidth)}
          data-testid={testId}
          aria-label={label}
          aria-busy={loading || undefined}
        >
          <thead className="text-xs uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const c = byId.get(h.column.id)!;
                  const sorted = h.column.getIsSorted();
                  const canSort = h.column.getCanSort();
                  const text = c.hideHeader ? (
                    <span className="sr-only">{c.header}</span>
                  ) : (
                    (c.headerCell ?? c.header)
                  );
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : undefined
                      }
                      className={cn(
                        "sticky top-0 z-10 border-b border-slate-200 bg-white font-medium",
                        pad,
                        c.align === "right" && "text-right",
                        c.headerClassName,
                      )}
                    >
                      {c.hideHeader && c.headerCell ? (
                        <>
                          {c.headerCell}
                          {text}
                        </>
                      ) : canSort ? (
                        <button
                          type="button"
                          onClick={h.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900"
                          title={t("sortBy", { header: c.header })}
                        >
                          {text}
                          {sorted === "asc" ? (
                            <ArrowUp className="h-3 w-3" aria-hidden />
                          ) : sorted === "desc" ? (
                            <ArrowDown className="h-3 w-3" aria-hidden />
                          ) : (
                            <ArrowUpDown className="h-3 w-3 opacity-50" aria-hidden />
                          )}
                        </button>
                      ) : (
                        text
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {model.map((r) => {
              const extra = expanded?.(r.original) ?? null;
              return (
                <Fragment key={r.id}>
                  <tr className="align-top" {...rowProps?.(r.original, r.index)}>
                    {visible.map((col) => {
                      const c = byId.get(col.id)!;
                      return (
                        <td
                          key={col.id}
                          className={cn(pad, c.align === "right" && "text-right", c.className)}
                        >
                          {c.cell(r.original, r.index)}
                        </td>
                      );
                    })}
                  </tr>
                  {extra !== null ? (
                    <tr>
                      <td colSpan={visible.length} className="bg-slate-50 px-5 py-4">
                        {extra}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
            {model.length === 0 ? (
              <tr>
                <td
                  colSpan={visible.length || 1}
                  className="px-5 py-8 text-center text-sm text-slate-600"
                  role={loading ? "status" : undefined}
                >
                  {loading ? t("loading") : (empty ?? t("nothing"))}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
