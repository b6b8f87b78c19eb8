"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { DataTable, type TColumn } from "../ui/data-table";
import { StateBadge } from "./state-badge";
import type { TOperationRow } from "./api";

type TTarget = Pick<TOperationRow, "target" | "rowCount">;

export function BeneficiaryCell({ op }: { op: TTarget }) {
  const t = useTranslations("operations.table");
  const single = Array.isArray(op.target)
    ? op.rowCount === 1
      ? op.target[0]?.beneficiary
      : null
    : op.target;
  if (!single) return <span>{t("transfers", { count: op.rowCount })}</span>;
  return (
    <>
      <div className="break-words">{single.name}</div>
      <div className="font-mono text-xs text-slate-600">{single.accountNumber}</div>
    </>
  );
}

// Column definitions shared by the operations lists and the approvals queue, in the person's
// language; with the labels they use (beneficiary, approvals given).
export function useOperationColumns() {
  const t = useTranslations("operations.table");
  const kinds = useTranslations("operations.kinds");
  const modes = useTranslations("operations.transferModes");
  const f = useFormat();

  const beneficiaryLabel = (op: TTarget): string => {
    if (Array.isArray(op.target))
      return op.rowCount === 1 && op.target[0]
        ? `${op.target[0].beneficiary.name} · ${op.target[0].beneficiary.accountNumber}`
        : t("transfers", { count: op.rowCount });
    return `${op.target.name} · ${op.target.accountNumber}`;
  };

  const approvalsLabel = (
    op: Pick<TOperationRow, "requiredApprovals" | "approvalsGiven" | "stepUpRequired">,
  ): string =>
    op.requiredApprovals === 0
      ? t("notNeeded")
      : t("approvalsCount", {
          given: op.approvalsGiven,
          required: op.requiredApprovals,
          stepUp: op.stepUpRequired ? "yes" : "no",
        });

  const kindLine = (r: TOperationRow) =>
    [
      kinds.has(r.kind) ? kinds(r.kind) : r.kind.replace("_", " "),
      r.method ? f.rail(r.method) : "—",
      ...(r.transferMode
        ? [modes.has(r.transferMode) ? modes(r.transferMode) : r.transferMode]
        : []),
    ].join(" · ");

  const columns = {
    id: (extra?: (r: TOperationRow) => React.ReactNode): TColumn<TOperationRow> => ({
      id: "id",
      header: t("h.operation"),
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
      header: t("h.state"),
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
      header: t("h.amount"),
      align: "right",
      sortValue: (r) => r.amount,
      className: "whitespace-nowrap font-medium tabular-nums",
      cell: (r) => f.money(r.amount),
    }),
    beneficiary: (): TColumn<TOperationRow> => ({
      id: "beneficiary",
      header: t("h.beneficiary"),
      sortValue: (r) => beneficiaryLabel(r),
      className: "max-w-[14rem] text-slate-700",
      cell: (r) => <BeneficiaryCell op={r} />,
    }),
    maker: (currentUserId?: string): TColumn<TOperationRow> => ({
      id: "maker",
      header: t("h.maker"),
      sortValue: (r) => r.createdBy?.name ?? r.createdById,
      className: "text-slate-700",
      cell: (r) => (
        <>
          <div>
            {r.createdBy?.name ?? r.createdById}
            {currentUserId && r.createdById === currentUserId ? t("you") : ""}
          </div>
          <div className="text-xs text-slate-600">
            {t("approvals")} {approvalsLabel(r)}
          </div>
        </>
      ),
    }),
    created: (): TColumn<TOperationRow> => ({
      id: "created",
      header: t("h.created"),
      sortValue: (r) => r.createdAt,
      className: "min-w-[6.5rem] text-slate-600",
      cell: (r) => f.when(r.createdAt),
    }),
  };
  return { columns, approvalsLabel, beneficiaryLabel };
}

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
  const t = useTranslations("operations.table");
  const { columns: c } = useOperationColumns();
  return (
    <DataTable
      label={t("label")}
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
