"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFieldErrorText, useValidationText } from "../forms/validation-text";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { DataTable, type TColumn } from "../ui/data-table";
import type { TBank } from "../operations/reference-api";
import {
  EMPTY_ROW,
  type TCellError,
  type TRowDraft,
  type TRowErrors,
  type TRowField,
} from "./rows";

const PAGE = 50;
const cell =
  "w-full rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";

// The editable grid (up to 1,000 rows, 50 per page). Each cell shows its own validation error: the
// browser's check or the server's field error, in the person's language.
export function RowsGrid({
  rows,
  errors,
  onChange,
  banks,
}: {
  rows: TRowDraft[];
  errors: TRowErrors[];
  onChange: (rows: TRowDraft[]) => void;
  banks: TBank[];
}) {
  const t = useTranslations("transfers.grid");
  const vt = useValidationText();
  const fieldText = useFieldErrorText();
  const errorText = (e: TCellError) => (typeof e === "string" ? vt(e) : fieldText(e));
  const cellLabel = (row: number, f: TRowField) => t("cellLabel", { row, field: t(`fields.${f}`) });
  const [page, setPage] = useState(0);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const indexed = rows
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => !onlyErrors || Object.keys(errors[i] ?? {}).length > 0);
  const pages = Math.max(1, Math.ceil(indexed.length / PAGE));
  const current = Math.min(page, pages - 1);
  const visible = indexed.slice(current * PAGE, current * PAGE + PAGE);
  const bad = errors.filter((e) => Object.keys(e).length > 0).length;
  // The reason column appears only when a row looks like a duplicate (or already has a reason).
  const needsReason = (i: number) => !!errors[i]?.duplicateReason || !!rows[i].duplicateReason;
  const reasons = rows.some((_, i) => needsReason(i));

  const set = (i: number, f: TRowField, v: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [f]: v } : r)));
  const input = (
    i: number,
    f: TRowField,
    { className, ...props }: React.InputHTMLAttributes<HTMLInputElement> = {},
  ) => {
    const err = errors[i]?.[f];
    return (
      <>
        <input
          {...props}
          value={rows[i][f]}
          onChange={(e) => set(i, f, e.target.value)}
          aria-label={cellLabel(i + 1, f)}
          aria-invalid={!!err}
          className={cn(cell, className)}
          data-testid={`row-${i}-${f}`}
        />
        {err ? (
          <span className="mt-0.5 block text-xs text-red-700" data-testid={`row-${i}-${f}-error`}>
            {errorText(err)}
          </span>
        ) : null}
      </>
    );
  };
  const select = (i: number, f: TRowField, options: [string, string][]) => {
    const err = errors[i]?.[f];
    return (
      <>
        <select
          value={rows[i][f]}
          onChange={(e) => set(i, f, e.target.value)}
          aria-label={cellLabel(i + 1, f)}
          aria-invalid={!!err}
          className={cell}
          data-testid={`row-${i}-${f}`}
        >
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
          {rows[i][f] && !options.some(([v]) => v === rows[i][f]) ? (
            <option value={rows[i][f]}>{t("unknown", { value: rows[i][f] })}</option>
          ) : null}
        </select>
        {err ? (
          <span className="mt-0.5 block text-xs text-red-700" data-testid={`row-${i}-${f}-error`}>
            {errorText(err)}
          </span>
        ) : null}
      </>
    );
  };

  type TRow = { r: TRowDraft; i: number };
  const columns: TColumn<TRow>[] = [
    {
      id: "n",
      header: t("h.n"),
      className: "w-10 text-xs tabular-nums text-slate-600",
      cell: ({ i }) => i + 1,
    },
    {
      id: "amount",
      header: t("h.amount"),
      headerClassName: "w-32",
      cell: ({ i }) =>
        input(i, "amount", { inputMode: "decimal", className: "text-right tabular-nums" }),
    },
    {
      id: "bankCode",
      header: t("h.bank"),
      headerClassName: "w-48",
      cell: ({ i }) =>
        select(i, "bankCode", [
          ["", t("choose")],
          ...banks.map((b): [string, string] => [b.code, `${b.code} · ${b.name}`]),
        ]),
    },
    {
      id: "accountType",
      header: t("h.type"),
      headerClassName: "w-28",
      cell: ({ i }) =>
        select(i, "accountType", [
          ["savings_account", t("savings")],
          ["checking_account", t("checking")],
        ]),
    },
    {
      id: "accountNumber",
      header: t("h.account"),
      headerClassName: "w-36",
      cell: ({ i }) => input(i, "accountNumber", { inputMode: "numeric" }),
    },
    {
      id: "name",
      header: t("h.payee"),
      headerClassName: "min-w-[14rem]",
      cell: ({ i }) => input(i, "name"),
    },
    {
      id: "documentType",
      header: t("h.doc"),
      headerClassName: "w-20",
      cell: ({ i }) =>
        select(
          i,
          "documentType",
          ["CC", "CE", "NIT", "PP", "TI"].map((d): [string, string] => [d, d]),
        ),
    },
    {
      id: "documentNumber",
      header: t("h.docNumber"),
      headerClassName: "w-32",
      cell: ({ i }) => input(i, "documentNumber"),
    },
    {
      id: "description",
      header: t("h.description"),
      headerClassName: "w-40",
      cell: ({ i }) => input(i, "description"),
    },
    ...(reasons
      ? [
          {
            id: "duplicateReason",
            header: t("h.duplicateReason"),
            headerClassName: "w-56",
            cell: ({ i }: TRow) =>
              needsReason(i) ? input(i, "duplicateReason", { maxLength: 500 }) : null,
          },
        ]
      : []),
    {
      id: "remove",
      header: t("h.remove"),
      hideHeader: true,
      className: "w-8",
      cell: ({ i }) => (
        <button
          type="button"
          aria-label={t("removeRow", { row: i + 1 })}
          onClick={() => onChange(rows.filter((_, j) => j !== i))}
          className="rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-red-600"
        >
          <Trash2 className="h-4 w-4" aria-hidden />
        </button>
      ),
    },
  ];

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-2 text-sm">
        <span className="text-slate-600" data-testid="rows-summary">
          {t("rows", { count: rows.length })}
          {bad ? (
            <span className="text-red-700"> · {t("withErrors", { count: bad })}</span>
          ) : rows.length ? (
            <span className="text-emerald-700"> · {t("allValid")}</span>
          ) : null}
        </span>
        <div className="flex items-center gap-3">
          <label className="flex items-center gap-1 text-slate-600">
            <input
              type="checkbox"
              checked={onlyErrors}
              onChange={(e) => {
                setOnlyErrors(e.target.checked);
                setPage(0);
              }}
            />{" "}
            {t("onlyErrors")}
          </label>
          <Button
            type="button"
            variant="secondary"
            disabled={rows.length >= 1000}
            onClick={() => {
              onChange([...rows, { ...EMPTY_ROW }]);
              setPage(Math.floor(rows.length / PAGE));
            }}
            data-testid="add-row"
          >
            {t("addRow")}
          </Button>
        </div>
      </div>
      <DataTable
        label={t("label")}
        testId="rows-grid"
        columns={columns}
        rows={visible}
        rowKey={({ i }) => String(i)}
        rowProps={({ i }) => ({
          "data-testid": `row-${i}`,
          className: Object.keys(errors[i] ?? {}).length ? "bg-red-50/40" : undefined,
        })}
        empty={t("empty")}
        minWidth="min-w-[80rem]"
        maxHeight="max-h-[40rem]"
        dense
      />
      {pages > 1 ? (
        <div className="flex items-center justify-center gap-3 px-5 py-3 text-sm">
          <Button
            type="button"
            variant="ghost"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {t("previous")}
          </Button>
          <span className="text-slate-600">{t("page", { page: current + 1, pages })}</span>
          <Button
            type="button"
            variant="ghost"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t("next")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
