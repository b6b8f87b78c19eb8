"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useValidationText } from "../forms/validation-text";
import { Button } from "../ui/button";
import { minorToPesosInput } from "../money/format";
import { parsePesos } from "../money/parse";
import { OPERATION_STATES, RANGES, type OPERATION_KINDS } from "@/lib/operations/list-filters";
import { inputClass } from "./fields";
import { useStateLabel } from "./state-badge";
import type { TListFilters, TOperationState } from "./api";

type TKind = (typeof OPERATION_KINDS)[number];
const RANGE_KEYS = Object.keys(RANGES) as (keyof typeof RANGES)[];

// The filter bar. Amounts are typed in pesos and kept in the URL as minor units (the API's unit).
export function OperationFilters({
  filters,
  onApply,
  kinds,
  currentUserId,
}: {
  filters: TListFilters;
  onApply: (f: TListFilters) => void;
  kinds?: TKind[];
  currentUserId: string;
}) {
  const t = useTranslations("operations.filters");
  const vt = useValidationText();
  const stateLabel = useStateLabel();
  const [states, setStates] = useState<TOperationState[]>(filters.state ?? []);
  const [kindSel, setKindSel] = useState<TKind[]>(filters.kind ?? []);
  const [error, setError] = useState<string | null>(null);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const amount = (name: string) => {
      const v = String(f.get(name) ?? "").trim();
      if (!v) return undefined;
      const p = parsePesos(v);
      if (!p.ok)
        throw new Error(t(name === "min" ? "minError" : "maxError", { error: vt(p.error) }));
      return p.minor;
    };
    try {
      const range = String(f.get("range") ?? "") as keyof typeof RANGES | "";
      const who = String(f.get("createdBy") ?? "");
      setError(null);
      onApply({
        state: states.length ? states : undefined,
        kind: kindSel.length ? kindSel : undefined,
        range: range || undefined,
        minAmount: amount("min"),
        maxAmount: amount("max"),
        createdBy: who || undefined,
      });
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const toggle = <T,>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

  return (
    <form
      onSubmit={submit}
      aria-label={t("label")}
      className="space-y-3 border-b border-slate-100 px-5 py-4"
      data-testid="operation-filters"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="text-sm font-medium text-slate-700">
          {t("state")}
          <details className="relative">
            <summary
              className="mt-1 flex max-w-[16rem] cursor-pointer list-none truncate rounded-md border border-slate-300 bg-white px-3 py-2 font-normal"
              data-testid="filter-state"
            >
              {states.length ? states.map(stateLabel).join(", ") : t("anyState")} ▾
            </summary>
            <div className="absolute z-10 mt-1 grid w-64 gap-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
              {OPERATION_STATES.map((s) => (
                <label key={s} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={states.includes(s)}
                    onChange={() => setStates(toggle(states, s))}
                  />
                  {stateLabel(s)}
                </label>
              ))}
            </div>
          </details>
        </div>
        {kinds && kinds.length > 1 ? (
          <fieldset className="flex items-center gap-3 text-sm">
            <legend className="sr-only">{t("kind")}</legend>
            {kinds.map((k) => (
              <label key={k} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={kindSel.includes(k)}
                  onChange={() => setKindSel(toggle(kindSel, k))}
                />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className="text-sm font-medium text-slate-700">
          {t("created")}
          <select name="range" defaultValue={filters.range ?? ""} className={inputClass}>
            <option value="">{t("anyTime")}</option>
            {RANGE_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`ranges.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("min")}
          <input
            name="min"
            inputMode="decimal"
            defaultValue={
              filters.minAmount !== undefined ? minorToPesosInput(filters.minAmount) : ""
            }
            placeholder="1.000.000"
            className={inputClass.replace("w-full", "w-32")}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("max")}
          <input
            name="max"
            inputMode="decimal"
            defaultValue={
              filters.maxAmount !== undefined ? minorToPesosInput(filters.maxAmount) : ""
            }
            className={inputClass.replace("w-full", "w-32")}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("operator")}
          <select name="createdBy" defaultValue={filters.createdBy ?? ""} className={inputClass}>
            <option value="">{t("anyone")}</option>
            <option value={currentUserId}>{t("me")}</option>
            {filters.createdBy && filters.createdBy !== currentUserId ? (
              <option value={filters.createdBy}>{filters.createdBy}</option>
            ) : null}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            setStates([]);
            setKindSel([]);
            onApply({});
          }}
        >
          {t("reset")}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
