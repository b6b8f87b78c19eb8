"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import type { TBank } from "../operations/reference-api";
import { EMPTY_ROW, type TRowDraft, type TRowField } from "./rows";

const PAGE = 50;
const cell =
  "w-full rounded border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";

type TErrors = Partial<Record<TRowField, string>>;

// The editable grid (up to 1,000 rows, 50 per page). Each cell shows its own validation error.
export function RowsGrid({
  rows,
  errors,
  onChange,
  banks,
}: {
  rows: TRowDraft[];
  errors: TErrors[];
  onChange: (rows: TRowDraft[]) => void;
  banks: TBank[];
}) {
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
      <td className="px-1 py-1 align-top">
        <input
          {...props}
          value={rows[i][f]}
          onChange={(e) => set(i, f, e.target.value)}
          aria-label={`Row ${i + 1} ${f}`}
          aria-invalid={!!err}
          className={cn(cell, className)}
          data-testid={`row-${i}-${f}`}
        />
        {err ? (
          <span className="mt-0.5 block text-xs text-red-700" data-testid={`row-${i}-${f}-error`}>
            {err}
          </span>
        ) : null}
      </td>
    );
  };
  const select = (i: number, f: TRowField, options: [string, string][]) => {
    const err = errors[i]?.[f];
    return (
      <td className="px-1 py-1 align-top">
        <select
          value={rows[i][f]}
          onChange={(e) => set(i, f, e.target.value)}
          aria-label={`Row ${i + 1} ${f}`}
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
            <option value={rows[i][f]}>{rows[i][f]} (unknown)</option>
          ) : null}
        </select>
        {err ? (
          <span className="mt-0.5 block text-xs text-red-700" data-testid={`row-${i}-${f}-error`}>
            {err}
          </span>
        ) : null}
      </td>
    );
  };

  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-2 text-sm">
        <span className="text-slate-600" data-testid="rows-summary">
          {rows.length} row{rows.length === 1 ? "" : "s"}
          {bad ? (
            <span className="text-red-700"> · {bad} with errors</span>
          ) : rows.length ? (
            <span className="text-emerald-700"> · all valid</span>
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
            Only rows with errors
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
            Add row
          </Button>
        </div>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[80rem] text-left text-sm" data-testid="rows-grid">
          <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-10 px-2 py-2">#</th>
              <th className="w-32 px-1 py-2">Amount (COP)</th>
              <th className="w-48 px-1 py-2">Bank</th>
              <th className="w-28 px-1 py-2">Type</th>
              <th className="w-36 px-1 py-2">Account</th>
              <th className="min-w-[14rem] px-1 py-2">Payee name</th>
              <th className="w-20 px-1 py-2">Doc</th>
              <th className="w-32 px-1 py-2">Doc number</th>
              <th className="w-40 px-1 py-2">Description</th>
              {reasons ? <th className="w-56 px-1 py-2">Duplicate: why send it</th> : null}
              <th className="w-8" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {visible.map(({ i }) => (
              <tr
                key={i}
                data-testid={`row-${i}`}
                className={Object.keys(errors[i] ?? {}).length ? "bg-red-50/40" : undefined}
              >
                <td className="px-2 py-1 align-top text-xs tabular-nums text-slate-500">{i + 1}</td>
                {input(i, "amount", { inputMode: "decimal", className: "text-right tabular-nums" })}
                {select(i, "bankCode", [
                  ["", "Choose…"],
                  ...banks.map((b): [string, string] => [b.code, `${b.code} · ${b.name}`]),
                ])}
                {select(i, "accountType", [
                  ["savings_account", "Savings"],
                  ["checking_account", "Checking"],
                ])}
                {input(i, "accountNumber", { inputMode: "numeric" })}
                {input(i, "name")}
                {select(
                  i,
                  "documentType",
                  ["CC", "CE", "NIT", "PP", "TI"].map((d): [string, string] => [d, d]),
                )}
                {input(i, "documentNumber")}
                {input(i, "description")}
                {reasons ? (
                  needsReason(i) ? (
                    input(i, "duplicateReason", { maxLength: 500 })
                  ) : (
                    <td />
                  )
                ) : null}
                <td className="px-1 py-1 align-top">
                  <button
                    type="button"
                    aria-label={`Remove row ${i + 1}`}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-red-600"
                  >
                    <Trash2 className="h-4 w-4" aria-hidden />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">
          Upload a CSV or add rows by hand.
        </p>
      ) : null}
      {pages > 1 ? (
        <div className="flex items-center justify-center gap-3 px-5 py-3 text-sm">
          <Button
            type="button"
            variant="ghost"
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            Previous
          </Button>
          <span className="text-slate-600">
            Page {current + 1} of {pages}
          </span>
          <Button
            type="button"
            variant="ghost"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </Button>
        </div>
      ) : null}
    </div>
  );
}
