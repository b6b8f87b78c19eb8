"use client";

import Link from "next/link";
import { ArrowLeft, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { ErrorNote } from "../ui/error-note";
import { AttemptsTable } from "./attempts-table";
import { AuditTrail } from "./audit-trail";
import { BeneficiaryView } from "./beneficiary-view";
import { ContextPack } from "./context-pack";
import { DecisionPanel } from "./decision-panel";
import { ApprovalsList } from "./approvals-list";
import { ItemsTable } from "./items-table";
import { CancelButton, EditPayoutButton } from "./operation-actions";
import { StateBadge } from "./state-badge";
import { isMoving, useOperation } from "./use-operations";
import type { TOperation } from "./api";
import { useBankName } from "./use-reference";

const FINAL = new Set(["settled", "failed", "rejected", "cancelled", "expired"]);

function Fact({
  label,
  children,
  mono,
  copy,
  copyLabel,
}: {
  label: string;
  children: React.ReactNode;
  mono?: boolean;
  /** The exact value a person copies (ids): adds a copy button named `copyLabel`. */
  copy?: string | null;
  copyLabel?: string;
}) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className={mono ? "break-all font-mono text-xs" : "text-slate-900"}>
        {copy ? (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <span className="break-all">{children}</span>
            <CopyButton value={copy} label={copyLabel ?? label} iconOnly />
          </span>
        ) : (
          children
        )}
      </dd>
    </>
  );
}

// Mono's word on the operation. A batch's own state at Mono can lag behind its rows (it may still
// read processing_transactions when every row has settled), so for an operation with rows the
// rows' states are what is shown once the operation is final.
type TDetailT = ReturnType<typeof useTranslations<"operations.detail">>;
type TFormat = ReturnType<typeof useFormat>;

function monoStateText(op: TOperation, t: TDetailT, f: TFormat): string {
  const own = op.monoState
    ? `${op.monoState}${op.monoStateReason ? ` (${op.monoStateReason})` : ""}`
    : "—";
  if (op.items.length === 0) return own;
  const counts = new Map<string, number>();
  for (const it of op.items)
    counts.set(it.monoState ?? "—", (counts.get(it.monoState ?? "—") ?? 0) + 1);
  const rows = t("rowsAtMono", {
    parts: [...counts].map(([st, n]) => `${f.number(n)} ${st}`).join(", "),
  });
  return FINAL.has(op.state) ? rows : `${own} · ${rows}`;
}

function totalText(op: TOperation, t: TDetailT, f: TFormat): string {
  if (op.monoSourceAmount !== null)
    return t("totalPerMono", { amount: f.money(op.monoSourceAmount) });
  if (op.state === "settled")
    return t("totalSettled", { sent: f.money(op.amount), fees: f.money(op.feeEstimate) });
  return t("totalEstimate", { amount: f.money(op.amount + op.feeEstimate) });
}

export function OperationDetail({
  id,
  canReveal,
  justCreated,
}: {
  id: string;
  canReveal: boolean;
  justCreated: boolean;
}) {
  const t = useTranslations("operations.detail");
  const tm = useTranslations("operations.stateMeaning");
  const f = useFormat();
  const q = useOperation(id);
  const bankName = useBankName();
  if (q.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (q.error) return <ErrorNote error={q.error} />;
  const { operation: op, createdBy, approvals, attempts, audit, permissions, context } = q.data;
  const isPayout = op.kind === "payout";
  const given = approvals.filter((a) => a.decision === "approved" && a.current).length;

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={isPayout ? "/payouts" : "/transfers"}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="h-4 w-4" aria-hidden />{" "}
          {isPayout ? t("backPayouts") : t("backTransfers")}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
              {isPayout
                ? t("titlePayout")
                : op.kind === "bank_transfer"
                  ? t("titleSingle")
                  : t("titleBatch", { count: op.rowCount })}{" "}
              · <span className="tabular-nums">{f.money(op.amount)}</span>
            </h1>
            <p className="mt-1 flex items-center gap-2 font-mono text-xs text-slate-600">
              <span data-testid="operation-id">{op.id}</span>
              <CopyButton value={op.id} label={t("copyId")} iconOnly testId="copy-operation-id" />
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <CopyButton value={`/operations/${op.id}`} label={t("copyPermalink")} />
            {permissions.canEdit ? <EditPayoutButton operation={op} /> : null}
            {permissions.canCancel ? <CancelButton operation={op} /> : null}
          </div>
        </div>
      </div>

      {justCreated &&
      (op.state === "pending_approval" || (op.requiredApprovals === 0 && isMoving(op.state))) ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2 text-sm text-emerald-900"
          data-testid="created-banner"
        >
          {t("submitted")}{" "}
          {op.requiredApprovals > 0
            ? t("needsApprovals", { count: op.requiredApprovals })
            : t("noApproval")}
        </p>
      ) : null}

      <Card className="flex flex-wrap items-center gap-4 px-5 py-4">
        <StateBadge state={op.state} />
        <p className="flex-1 text-sm text-slate-800" data-testid="state-meaning">
          {tm.has(op.state) ? tm(op.state) : op.meaning}
        </p>
        {isMoving(op.state) ? (
          <span
            className="inline-flex items-center gap-1 text-xs text-slate-500"
            data-testid="live"
          >
            <RefreshCw className="h-3.5 w-3.5 animate-spin" aria-hidden /> {t("updating")}
          </span>
        ) : null}
        {op.lastErrorCode ? <Badge tone="red">{op.lastErrorCode}</Badge> : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("money")} />
          <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 p-5 text-sm">
            <Fact label={t("amount")}>{f.money(op.amount)}</Fact>
            <Fact label={t("fees")}>{f.money(op.feeEstimate)}</Fact>
            <Fact label={t("total")}>
              <span data-testid="total-debited">{totalText(op, t, f)}</span>
            </Fact>
            <Fact label={t("rail")}>
              {op.method ? f.rail(op.method) : "—"}
              {op.transferMode
                ? ` · ${op.transferMode === "prepare" ? t("prepared") : t("created")}`
                : ""}
            </Fact>
            <Fact label={t("source")} mono copy={op.sourceAccountId} copyLabel={t("copySource")}>
              {op.sourceAccountId}
            </Fact>
            <Fact label={t("monoId")} mono copy={op.monoId} copyLabel={t("copyMonoId")}>
              {op.monoId ?? t("notSent")}
            </Fact>
            <Fact label={t("monoState")}>
              <span data-testid="mono-state">{monoStateText(op, t, f)}</span>
            </Fact>
            {op.lastErrorMessage ? <Fact label={t("lastError")}>{op.lastErrorMessage}</Fact> : null}
            <Fact label={t("key")} mono copy={op.idempotencyKey} copyLabel={t("copyKey")}>
              {op.idempotencyKey}
            </Fact>
            <Fact label={t("externalId")} mono copy={op.externalId} copyLabel={t("copyExternalId")}>
              {op.externalId}
            </Fact>
            <Fact label={t("createdAt")}>
              {f.when(op.createdAt)} {t("by", { who: createdBy?.name ?? op.createdById })}
            </Fact>
            <Fact label={t("accepted")}>{f.when(op.acceptedAt)}</Fact>
            <Fact label={t("finished")}>{f.when(op.finishedAt)}</Fact>
            <Fact label={t("reason")}>{op.reason}</Fact>
            <Fact label={t("ticket")}>{op.ticketRef ?? "—"}</Fact>
            {op.description ? <Fact label={t("description")}>{op.description}</Fact> : null}
            {op.duplicateReason ? (
              <Fact label={t("duplicateReason")}>{op.duplicateReason}</Fact>
            ) : null}
          </dl>
        </Card>
        <Card>
          <CardHeader
            title={op.rowCount > 1 ? t("beneficiaries") : t("beneficiary")}
            description={t("masked")}
          />
          <div className="p-5">
            <BeneficiaryView operation={op} canReveal={canReveal} bankName={bankName} />
          </div>
        </Card>
      </div>

      <Card>
        <CardHeader
          title={t("approvals")}
          description={
            op.requiredApprovals === 0
              ? t("noApprovalNeeded")
              : t("approvalsOf", {
                  given,
                  count: op.requiredApprovals,
                  stepUp: op.stepUpRequired ? "yes" : "no",
                  fingerprint: op.fingerprint.slice(0, 12),
                })
          }
        />
        <div
          className={
            op.requiredApprovals > 0 || approvals.length > 0 || context || permissions.canDecide
              ? "space-y-5 p-5"
              : "hidden"
          }
        >
          {op.requiredApprovals > 0 || approvals.length > 0 ? (
            <ApprovalsList approvals={approvals} />
          ) : null}
          {context ? <ContextPack context={context} operation={op} createdBy={createdBy} /> : null}
          {permissions.canDecide ? <DecisionPanel operation={op} /> : null}
        </div>
      </Card>

      {op.items.length > 0 ? (
        <Card>
          <CardHeader title={t("rows")} description={t("rowsHint")} />
          <ItemsTable items={op.items} bankName={bankName} />
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("attempts")} description={t("attemptsHint")} />
        <AttemptsTable attempts={attempts} />
      </Card>

      <Card>
        <CardHeader title={t("audit")} />
        <AuditTrail entries={audit} />
      </Card>
    </div>
  );
}
