import type { TEndpointStats } from "./api";
import { DataTable, type TColumn } from "../ui/data-table";
import { millis, percent } from "./time-format";

const TEXT = {
  label: "Requests per endpoint",
  empty: "No attempts to Mono in this range.",
  h: {
    endpoint: "Endpoint",
    attempts: "Attempts",
    errorRate: "Error rate",
    retries: "Retries",
    p50: "p50",
    p95: "p95",
  },
};
const count = (n: number) => n.toLocaleString("es-CO");

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
  const columns: TColumn<TEndpointStats>[] = [
    {
      id: "endpoint",
      header: TEXT.h.endpoint,
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
    num("total", TEXT.h.attempts, (r) => r.total, count),
    num("errorRate", TEXT.h.errorRate, (r) => r.errorRate, percent),
    num("retries", TEXT.h.retries, (r) => r.retries, count),
    num("p50", TEXT.h.p50, (r) => r.p50, millis),
    num("p95", TEXT.h.p95, (r) => r.p95, millis),
  ];
  return (
    <DataTable
      label={TEXT.label}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.endpoint}
      rowProps={(r) => ({ className: r.endpoint === selected ? "bg-brand-50" : undefined })}
      empty={TEXT.empty}
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
