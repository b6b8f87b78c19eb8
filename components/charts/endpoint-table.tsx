"use client";

import { useTranslations } from "next-intl";
import type { TEndpointStats } from "./api";
import { useFormat } from "../i18n/use-format";
import { DataTable, type TColumn } from "../ui/data-table";
import { errorRate } from "./time-format";

// Per-endpoint totals over the range; clicking an endpoint filters the charts to it.
export function EndpointTable({
  rows,
  selected,
  onSelect,
}: {
  rows: TEndpointStats[];
  selected?: string;
  onSelect: (endpoint: string | undefined) => void;
}) {
  const t = useTranslations("charts.endpoints");
  const f = useFormat();
  const count = (n: number) => f.number(n);
  const columns: TColumn<TEndpointStats>[] = [
    {
      id: "endpoint",
      header: t("h.endpoint"),
      sortValue: (r) => r.endpoint,
      cell: (r) => (
        <button
          type="button"
          aria-pressed={r.endpoint === selected}
          className="break-all text-left font-mono text-xs text-brand-700 hover:underline"
          onClick={() => onSelect(r.endpoint === selected ? undefined : r.endpoint)}
        >
          {r.endpoint}
        </button>
      ),
    },
    num("total", t("h.attempts"), (r) => r.total, count),
    num(
      "errorRate",
      t("h.errorRate"),
      (r) => r.errorRate,
      (r) => errorRate(f, r),
    ),
    num("retries", t("h.retries"), (r) => r.retries, count),
    num("p50", t("h.p50"), (r) => r.p50, f.duration),
    num("p95", t("h.p95"), (r) => r.p95, f.duration),
  ];
  return (
    <DataTable
      label={t("label")}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.endpoint}
      rowProps={(r) => ({ className: r.endpoint === selected ? "bg-brand-50" : undefined })}
      empty={t("empty")}
      initialSort={{ id: "total", desc: true }}
      dense
    />
  );
}

function num<V extends number | null>(
  id: string,
  header: string,
  value: (r: TEndpointStats) => V,
  format: (v: V) => string,
): TColumn<TEndpointStats> {
  return {
    id,
    header,
    align: "right",
    sortValue: value,
    className: "tabular-nums",
    cell: (r) => format(value(r)),
  };
}
