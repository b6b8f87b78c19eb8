import Link from "next/link";
import { formatCop } from "../money/format";
import { formatWhen } from "./format-time";
import { StateBadge } from "./state-badge";
import type { TOperationRow } from "./api";

export function beneficiaryLabel(op: Pick<TOperationRow, "target" | "rowCount">): string {
  if (Array.isArray(op.target))
    return op.rowCount === 1 && op.target[0]
      ? `${op.target[0].beneficiary.name} · ${op.target[0].beneficiary.accountNumber}`
      : `${op.rowCount} transfers`;
  return `${op.target.name} · ${op.target.accountNumber}`;
}

export function BeneficiaryCell({ op }: { op: Pick<TOperationRow, "target" | "rowCount"> }) {
  const single = Array.isArray(op.target)
    ? op.rowCount === 1
      ? op.target[0]?.beneficiary
      : null
    : op.target;
  if (!single) return <span>{op.rowCount} transfers</span>;
  return (
    <>
      <div>{single.name}</div>
      <div className="font-mono text-xs text-slate-500">{single.accountNumber}</div>
    </>
  );
}

export function approvalsLabel(
  op: Pick<TOperationRow, "requiredApprovals" | "approvalsGiven" | "stepUpRequired">,
): string {
  if (op.requiredApprovals === 0) return "not needed";
  return `${op.approvalsGiven}/${op.requiredApprovals}${op.stepUpRequired ? " + step-up" : ""}`;
}

// The operations list: newest first, each id a permalink to its detail page.
export function OperationsTable({
  rows,
  select,
}: {
  rows: TOperationRow[];
  select?: {
    selected: Set<string>;
    toggle: (id: string) => void;
    canSelect: (r: TOperationRow) => boolean;
  };
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="operations-table">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {select ? (
              <th className="w-8 px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
            ) : null}
            <th className="px-4 py-2 font-medium">Operation</th>
            <th className="px-4 py-2 font-medium">State</th>
            <th className="px-4 py-2 text-right font-medium">Amount</th>
            <th className="px-4 py-2 font-medium">Beneficiary</th>
            <th className="px-4 py-2 font-medium">Maker · approvals</th>
            <th className="px-4 py-2 font-medium">Created (Bogotá)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr
              key={r.id}
              data-testid={`operation-row-${r.id}`}
              className="align-top hover:bg-slate-50"
            >
              {select ? (
                <td className="px-3 py-3">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.id}`}
                    disabled={!select.canSelect(r)}
                    checked={select.selected.has(r.id)}
                    onChange={() => select.toggle(r.id)}
                  />
                </td>
              ) : null}
              <td className="px-4 py-3">
                <Link
                  href={`/operations/${r.id}`}
                  className="font-mono text-xs text-brand-700 hover:underline"
                >
                  {r.id}
                </Link>
                <div className="mt-0.5 text-xs text-slate-500">
                  {r.kind.replace("_", " ")} · {r.method ?? "—"}
                  {r.transferMode ? ` · ${r.transferMode}` : ""}
                </div>
                {r.reason ? (
                  <div className="mt-0.5 max-w-xs truncate text-xs text-slate-500" title={r.reason}>
                    {r.reason}
                    {r.ticketRef ? ` · ${r.ticketRef}` : ""}
                  </div>
                ) : null}
              </td>
              <td className="px-4 py-3">
                <StateBadge state={r.state} />
                {r.lastErrorCode ? (
                  <div className="mt-1 font-mono text-xs text-red-700">{r.lastErrorCode}</div>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-right font-medium tabular-nums">
                {formatCop(r.amount)}
              </td>
              <td className="px-4 py-3 text-slate-700">
                <BeneficiaryCell op={r} />
              </td>
              <td className="px-4 py-3 text-slate-700">
                <div>{r.createdBy?.name ?? r.createdById}</div>
                <div className="text-xs text-slate-500">approvals: {approvalsLabel(r)}</div>
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                {formatWhen(r.createdAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
