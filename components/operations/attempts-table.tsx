import { Badge } from "../ui/badge";
import { formatMs, formatWhen } from "./format-time";
import type { TAttempt } from "./api";

function statusTone(s: number | null): "green" | "yellow" | "red" | "gray" {
  if (s === null) return "red";
  if (s < 300) return "green";
  if (s < 500) return "yellow";
  return "red";
}

// Every HTTP attempt to Mono for this operation: the ids Mono support asks for, and why we waited.
export function AttemptsTable({ attempts }: { attempts: TAttempt[] }) {
  if (attempts.length === 0)
    return <p className="px-5 py-4 text-sm text-slate-500">Nothing has been sent to Mono yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="attempts">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-medium">#</th>
            <th className="px-4 py-2 font-medium">When</th>
            <th className="px-4 py-2 font-medium">Call</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Latency</th>
            <th className="px-4 py-2 font-medium">Waited before</th>
            <th className="px-4 py-2 font-medium">Request id / Mono log id</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attempts.map((a) => (
            <tr key={a.requestId} className="align-top">
              <td className="px-4 py-2 tabular-nums">{a.attempt}</td>
              <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWhen(a.at)}</td>
              <td className="px-4 py-2 font-mono text-xs">
                {a.endpoint.startsWith(a.method) ? a.endpoint : `${a.method} ${a.endpoint}`}
              </td>
              <td className="px-4 py-2">
                <Badge tone={statusTone(a.status)}>{a.status ?? "network"}</Badge>
                {a.errorCode ? (
                  <div className="mt-1 font-mono text-xs text-red-700">{a.errorCode}</div>
                ) : null}
              </td>
              <td className="px-4 py-2 tabular-nums">{formatMs(a.durationMs)}</td>
              <td className="px-4 py-2">
                {a.delayBeforeMs
                  ? `${formatMs(a.delayBeforeMs)}${a.delayReason ? ` (${a.delayReason})` : ""}`
                  : "—"}
              </td>
              <td className="px-4 py-2 font-mono text-xs">
                <div>{a.requestId}</div>
                {a.monoLogId ? <div className="text-slate-500">{a.monoLogId}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
