import type { TEndpointStats } from "./api";
import { millis, percent } from "./time-format";

// Per-endpoint totals over the range; clicking a row filters the charts to that endpoint.
export function EndpointTable({
  rows,
  selected,
  onSelect,
}: {
  rows: TEndpointStats[];
  selected?: string;
  onSelect: (endpoint: string | undefined) => void;
}) {
  if (rows.length === 0)
    return <p className="px-5 py-4 text-sm text-slate-500">No attempts to Mono in this range.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {["Endpoint", "Attempts", "Error rate", "Retries", "p50", "p95"].map((h) => (
              <th key={h} className="px-5 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.endpoint} className={r.endpoint === selected ? "bg-brand-50" : undefined}>
              <td className="px-5 py-2">
                <button
                  type="button"
                  className="font-mono text-xs text-brand-700 hover:underline"
                  onClick={() => onSelect(r.endpoint === selected ? undefined : r.endpoint)}
                >
                  {r.endpoint}
                </button>
              </td>
              <td className="px-5 py-2 tabular-nums">{r.total.toLocaleString("es-CO")}</td>
              <td className="px-5 py-2 tabular-nums">{percent(r.errorRate)}</td>
              <td className="px-5 py-2 tabular-nums">{r.retries.toLocaleString("es-CO")}</td>
              <td className="px-5 py-2 tabular-nums">{millis(r.p50)}</td>
              <td className="px-5 py-2 tabular-nums">{millis(r.p95)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
