"use client";

import Link from "next/link";
import { ArrowLeft, RefreshCw } from "lucide-react";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { CopyButton } from "../ui/copy-button";
import { ErrorNote } from "../ui/error-note";
import { formatCop } from "../money/format";
import { RAILS, type TRail } from "@/lib/operations/rails";
import { AttemptsTable } from "./attempts-table";
import { AuditTrail } from "./audit-trail";
import { BeneficiaryView } from "./beneficiary-view";
import { ContextPack } from "./context-pack";
import { DecisionPanel } from "./decision-panel";
import { formatWhen } from "./format-time";
import { ApprovalsList } from "./approvals-list";
import { ItemsTable } from "./items-table";
import { CancelButton, EditPayoutButton } from "./operation-actions";
import { StateBadge } from "./state-badge";
import { isMoving, useOperation } from "./use-operations";
import type { TOperation } from "./api";
import { useBankName } from "./use-reference";

const TEXT = {
  back: { payout: "Payouts", transfer: "Transfers" },
  title: {
    payout: "Payout",
    single: "Bank transfer",
    batch: (n: number) => `Transfer batch · ${n} rows`,
  },
  copyId: "Copy operation id",
  copyPermalink: "Copy permalink",
  updating: "updating every 3 s",
  submitted: "Submitted.",
  needsApprovals: (n: number) =>
    `It needs ${n} approval${n > 1 ? "s" : ""} from someone other than you before it is sent.`,
  noApproval: "No approval was needed: it goes to Mono now.",
  money: "Money",
  amount: "Amount",
  fees: "Fees (estimate)",
  total: "Total debited",
  totalPerMono: (v: string) => `${v} (per Mono)`,
  totalEstimate: (v: string) => `${v} (estimate)`,
  totalSettled: (sent: string, fees: string) =>
    `${sent} sent, plus about ${fees} in fees (Mono reports no total for this kind; fees are the policy's estimate)`,
  rail: "Rail",
  prepared: "prepared (approve in Mono)",
  created: "created",
  source: "Source account",
  monoId: "Mono id",
  notSent: "not sent yet",
  monoState: "Mono state",
  rowsAtMono: (parts: string) => `rows at Mono: ${parts}`,
  lastError: "Last error",
  key: "Idempotency key",
  externalId: "External id",
  createdAt: "Created",
  by: (who: string) => `by ${who}`,
  accepted: "Accepted by Mono",
  finished: "Finished",
  reason: "Reason",
  ticket: "Ticket",
  description: "Description",
  duplicateReason: "Duplicate reason",
  beneficiaries: "Beneficiaries",
  beneficiary: "Beneficiary",
  masked: "Masked. Revealing asks for a reason and is audited.",
  approvals: "Approvals",
  noApprovalNeeded: "Below the approval tier: no approval needed.",
  approvalsOf: (given: number, n: number, stepUp: boolean, fp: string) =>
    `${given} of ${n} approval${n > 1 ? "s" : ""}${stepUp ? ", each with step-up" : ""}. Maker ≠ checker; approvals bind to fingerprint ${fp}…`,
  rows: "Transfer rows",
  rowsHint: "Each row is its own transfer at Mono, with its own external id.",
  attempts: "Attempts to Mono",
  attemptsHint:
    "Every HTTP attempt with our request id and Mono's log id (what Mono support asks for), latency, and any wait before it.",
  audit: "Audit trail",
  copy: (what: string) => `Copy ${what.toLowerCase()}`,
};

const FINAL = new Set(["settled", "failed", "rejected", "cancelled", "expired"]);

function Fact({
  label,
  children,
  mono,
  copy,
}: {
  label: string;
  children: React.ReactNode;
  mono?: boolean;
  /** The exact value a person copies (ids): adds a copy button. */
  copy?: string | null;
}) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className={mono ? "break-all font-mono text-xs" : "text-slate-900"}>
        {copy ? (
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <span className="break-all">{children}</span>
            <CopyButton value={copy} label={TEXT.copy(label)} iconOnly />
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
function monoStateText(op: TOperation): string {
  const own = op.monoState
    ? `${op.monoState}${op.monoStateReason ? ` (${op.monoStateReason})` : ""}`
    : "—";
  if (op.items.length === 0) return own;
  const counts = new Map<string, number>();
  for (const it of op.items)
    counts.set(it.monoState ?? "—", (counts.get(it.monoState ?? "—") ?? 0) + 1);
  const rows = TEXT.rowsAtMono([...counts].map(([st, n]) => `${n} ${st}`).join(", "));
  return FINAL.has(op.state) ? rows : `${own} · ${rows}`;
}

function totalText(op: TOperation): string {
  if (op.monoSourceAmount !== null) return TEXT.totalPerMono(formatCop(op.monoSourceAmount));
  if (op.state === "settled")
    return TEXT.totalSettled(formatCop(op.amount), formatCop(op.feeEstimate));
  return TEXT.totalEstimate(formatCop(op.amount + op.feeEstimate));
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
  const q = useOperation(id);
  const bankName = useBankName();
  if (q.isPending) return <p className="text-sm text-slate-500">Loading operation…</p>;
  if (q.error) return <ErrorNote error={q.error} />;
  const { operation: op, createdBy, approvals, attempts, audit, permissions, context } = q.data;
  const isPayout = op.kind === "payout";
  const rail = op.method && op.method in RAILS ? RAILS[op.method as TRail] : null;
  const given = approvals.filter((a) => a.decision === "approved" && a.current).length;

  return (
    <div className="space-y-6">
      <div>
        <Link
          href={isPayout ? "/payouts" : "/transfers"}
          className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
        >
          <ArrowLeft className="h-4 w-4" aria-hidden />{" "}
          {isPayout ? TEXT.back.payout : TEXT.back.transfer}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
              {isPayout
                ? TEXT.title.payout
                : op.kind === "bank_transfer"
                  ? TEXT.title.single
                  : TEXT.title.batch(op.rowCount)}{" "}
              · <span className="tabular-nums">{formatCop(op.amount)}</span>
            </h1>
            <p className="mt-1 flex items-center gap-2 font-mono text-xs text-slate-600">
              <span data-testid="operation-id">{op.id}</span>
              <CopyButton value={op.id} label={TEXT.copyId} iconOnly testId="copy-operation-id" />
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <CopyButton value={`/operations/${op.id}`} label={TEXT.copyPermalink} />
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
          {TEXT.submitted}{" "}
          {op.requiredApprovals > 0 ? TEXT.needsApprovals(op.requiredApprovals) : TEXT.noApproval}
        </p>
      ) : null}

      <Card className="flex flex-wrap items-center gap-4 px-5 py-4">
        <StateBadge state={op.state} />
        <p className="flex-1 text-sm text-slate-800" data-testid="state-meaning">
          {op.meaning}
        </p>
        {isMoving(op.state) ? (
          <span
            className="inline-flex items-center gap-1 text-xs text-slate-500"
            data-testid="live"
          >
            <RefreshCw className="h-3.5 w-3.5 animate-spin" aria-hidden /> {TEXT.updating}
          </span>
        ) : null}
        {op.lastErrorCode ? <Badge tone="red">{op.lastErrorCode}</Badge> : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={TEXT.money} />
          <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 p-5 text-sm">
            <Fact label={TEXT.amount}>{formatCop(op.amount)}</Fact>
            <Fact label={TEXT.fees}>{formatCop(op.feeEstimate)}</Fact>
            <Fact label={TEXT.total}>
              <span data-testid="total-debited">{totalText(op)}</span>
            </Fact>
            <Fact label={TEXT.rail}>
              {rail ? `${rail.label} · ${rail.expected}` : (op.method ?? "—")}
              {op.transferMode
                ? ` · ${op.transferMode === "prepare" ? TEXT.prepared : TEXT.created}`
                : ""}
            </Fact>
            <Fact label={TEXT.source} mono copy={op.sourceAccountId}>
              {op.sourceAccountId}
            </Fact>
            <Fact label={TEXT.monoId} mono copy={op.monoId}>
              {op.monoId ?? TEXT.notSent}
            </Fact>
            <Fact label={TEXT.monoState}>
              <span data-testid="mono-state">{monoStateText(op)}</span>
            </Fact>
            {op.lastErrorMessage ? <Fact label={TEXT.lastError}>{op.lastErrorMessage}</Fact> : null}
            <Fact label={TEXT.key} mono copy={op.idempotencyKey}>
              {op.idempotencyKey}
            </Fact>
            <Fact label={TEXT.externalId} mono copy={op.externalId}>
              {op.externalId}
            </Fact>
            <Fact label={TEXT.createdAt}>
              {formatWhen(op.createdAt)} {TEXT.by(createdBy?.name ?? op.createdById)}
            </Fact>
            <Fact label={TEXT.accepted}>{formatWhen(op.acceptedAt)}</Fact>
            <Fact label={TEXT.finished}>{formatWhen(op.finishedAt)}</Fact>
            <Fact label={TEXT.reason}>{op.reason}</Fact>
            <Fact label={TEXT.ticket}>{op.ticketRef ?? "—"}</Fact>
            {op.description ? <Fact label={TEXT.description}>{op.description}</Fact> : null}
            {op.duplicateReason ? (
              <Fact label={TEXT.duplicateReason}>{op.duplicateReason}</Fact>
            ) : null}
          </dl>
        </Card>
        <Card>
          <CardHeader
            title={op.rowCount > 1 ? TEXT.beneficiaries : TEXT.beneficiary}
            description={TEXT.masked}
          />
          <div className="p-5">
            <BeneficiaryView operation={op} canReveal={canReveal} bankName={bankName} />
          </div>
        </Card>
      </div>

      <Card>
        <CardHeader
          title={TEXT.approvals}
          description={
            op.requiredApprovals === 0
              ? TEXT.noApprovalNeeded
              : TEXT.approvalsOf(
                  given,
                  op.requiredApprovals,
                  op.stepUpRequired,
                  op.fingerprint.slice(0, 12),
                )
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
          <CardHeader title={TEXT.rows} description={TEXT.rowsHint} />
          <ItemsTable items={op.items} bankName={bankName} />
        </Card>
      ) : null}

      <Card>
        <CardHeader title={TEXT.attempts} description={TEXT.attemptsHint} />
        <AttemptsTable attempts={attempts} />
      </Card>

      <Card>
        <CardHeader title={TEXT.audit} />
        <AuditTrail entries={audit} />
      </Card>
    </div>
  );
}
