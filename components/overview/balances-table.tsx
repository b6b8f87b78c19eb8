import { formatCop } from "../money/format";
import { LevelBadge } from "../charts/level-badge";
import { formatFull } from "../charts/time-format";
import type { TAccountSummary } from "../charts/api";

// Balances with their floors and runway (design §8). Amounts are integer minor units.
export function BalancesTable({ accounts }: { accounts: TAccountSummary[] }) {
  if (accounts.length === 0)
    return <p className="px-5 py-4 text-sm text-slate-500">No balances polled yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="balances-table">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {[
              "Account",
              "Available",
              "Warning floor",
              "Critical floor",
              "Daily spend",
              "Approved, unsent",
              "Runway",
              "",
            ].map((h) => (
              <th key={h} className="px-5 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {accounts.map((a) => (
            <tr key={a.id} data-account={a.id}>
              <td className="px-5 py-2">
                <p className="font-medium text-slate-800">{a.name}</p>
                <p className="font-mono text-xs text-slate-400">
                  {a.id}
                  {a.at ? ` · ${formatFull(a.at, "bogota")}` : ""}
                </p>
                {a.lastError ? (
                  <p className="text-xs text-red-700">last poll failed: {a.lastError}</p>
                ) : null}
              </td>
              <td className="px-5 py-2 tabular-nums">
                {a.available === null ? "—" : formatCop(a.available)}
              </td>
              <td className="px-5 py-2 tabular-nums">{formatCop(a.warningFloor)}</td>
              <td className="px-5 py-2 tabular-nums">{formatCop(a.criticalFloor)}</td>
              <td className="px-5 py-2 tabular-nums">{formatCop(a.dailySpend)}</td>
              <td className="px-5 py-2 tabular-nums">{formatCop(a.committed)}</td>
              <td className="px-5 py-2 tabular-nums">
                {a.runway
                  ? `${formatCop(a.runway.projected)}${a.runway.days === null ? "" : ` · ${a.runway.days} d`}`
                  : "—"}
              </td>
              <td className="px-5 py-2">
                <LevelBadge level={a.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
