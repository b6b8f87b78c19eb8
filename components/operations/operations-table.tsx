import Link from "next/link";
import { formatCop } from "../money/format";
import { DataTable, type TColumn } from "../ui/data-table";
import { formatWhen } from "./format-time";
import { StateBadge } from "./state-badge";
import type { TOperationRow } from "./api";

const TEXT = {
  transfers: (n: number) => `${n} transfers`,
  notNeeded: "not needed",
  stepUp: " + step-up",
  approvals: "approvals:",
  you: " (you)",
  label: "Operations",
  h: {
    operation: "Operation",
    state: "State",
    amount: "Amount",
    beneficiary: "Beneficiary",
    maker: "Maker · approvals",
    created: "Created (Bogotá)",
  },
};

export function beneficiaryLabel(op: Pick<TOperationRow, "target" | "rowCount">): string {
  if (Array.isArray(op.target))
    return op.rowCount === 1 && op.target[0]
      ? `${op.target[0].beneficiary.name} · ${op.target[0].beneficiary.accountNumber}`
      : TEXT.transfers(op.rowCount);
  return `${op.target.name} · ${op.target.accountNumber}`;
}

export function BeneficiaryCell({ op }: { op: Pick<TOperationRow, "target" | "rowCount"> }) {
  const single = Array.isArray(op.target)
    ? op.rowCount === 1
      ? op.target[0]?.beneficiary
      : null
    : op.target;
  if (!single) return <span>{TEXT.transfers(op.rowCount)}</span>;
  return (
    <>
      <div className="break-words">{single.name}</div>
      <div className="font-mono text-xs text-slate-600">{single.accountNumber}</div>
    </>
  );
}

export function approvalsLabel(
  op: Pick<TOperationRow, "requiredApprovals" | "approvalsGiven" | "stepUpRequired">,
): string {
  if (op.requiredApprovals === 0) return TEXT.notNeeded;
  return `${op.approvalsGiven}/${op.requiredApprovals}${op.stepUpRequired ? TEXT.stepUp : ""}`;
}

const kindLine = (r: TOperationRow) =>
  `${r.kind.replace("_", " ")} · ${r.method ?? "—"}${r.transferMode ? ` · ${r.transferMode}` : ""}`;

// Column definitions shared by the operations lists and the approvals queue.
export const operationColumns = {
  id: (extra?: (r: TOperationRow) => React.ReactNode): TColumn<TOperationRow> => ({
    id: "id",
    header: TEXT.h.operation,
    sortValue: (r) => r.id,
    canHide: false,
    cell: (r) => (
      <>
        <Link
          href={`/operations/${r.id}`}
          className="break-all font-mono text-xs text-brand-700 hover:underline"
        >
          {r.id}
        </Link>
        <div className="mt-0.5 text-xs text-slate-600">{kindLine(r)}</div>
        {extra?.(r)}
      </>
    ),
  }),
  reason: (r: TOperationRow) =>
    r.reason ? (
      <div className="mt-0.5 line-clamp-2 break-words text-xs text-slate-600" title={r.reason}>
        {r.reason}
        {r.ticketRef ? ` · ${r.ticketRef}` : ""}
      </div>
    ) : null,
  state: (): TColumn<TOperationRow> => ({
    id: "state",
    header: TEXT.h.state,
    sortValue: (r) => r.state,
    cell: (r) => (
      <>
        <StateBadge state={r.state} />
        {r.lastErrorCode ? (
          <div className="mt-1 break-all font-mono text-xs text-red-700">{r.lastErrorCode}</div>
        ) : null}
      </>
    ),
  }),
  amount: (): TColumn<TOperationRow> => ({
    id: "amount",
    header: TEXT.h.amount,
    align: "right",
    sortValue: (r) => r.amount,
    className: "whitespace-nowrap font-medium tabular-nums",
    cell: (r) => formatCop(r.amount),
  }),
  beneficiary: (): TColumn<TOperationRow> => ({
    id: "beneficiary",
    header: TEXT.h.beneficiary,
    sortValue: (r) => beneficiaryLabel(r),
    className: "max-w-[14rem] text-slate-700",
    cell: (r) => <BeneficiaryCell op={r} />,
  }),
  maker: (currentUserId?: string): TColumn<TOperationRow> => ({
    id: "maker",
    header: TEXT.h.maker,
    sortValue: (r) => r.createdBy?.name ?? r.createdById,
    className: "text-slate-700",
    cell: (r) => (
      <>
        <div>
          {r.createdBy?.name ?? r.createdById}
          {currentUserId && r.createdById === currentUserId ? TEXT.you : ""}
        </div>
        <div className="text-xs text-slate-600">
          {TEXT.approvals} {approvalsLabel(r)}
        </div>
      </>
    ),
  }),
  created: (): TColumn<TOperationRow> => ({
    id: "created",
    header: TEXT.h.created,
    sortValue: (r) => r.createdAt,
    className: "min-w-[6.5rem] text-slate-600",
    cell: (r) => formatWhen(r.createdAt),
  }),
};

// The operations list: newest first, each id a permalink to its detail page.
export function OperationsTable({
  rows,
  loading,
  empty,
}: {
  rows: TOperationRow[];
  loading: boolean;
  empty: React.ReactNode;
}) {
  const c = operationColumns;
  return (
    <DataTable
      label={TEXT.label}
      testId="operations-table"
      columns={[c.id(c.reason), c.state(), c.amount(), c.beneficiary(), c.maker(), c.created()]}
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-testid": `operation-row-${r.id}` })}
      loading={loading}
      empty={empty}
      columnMenu
    />
  );
}
