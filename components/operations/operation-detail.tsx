"use client";

import Link from "next/link";
import { ArrowLeft, Link2, RefreshCw } from "lucide-react";
import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
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
import { useBankName } from "./use-reference";

function Fact({
  label,
  children,
  mono,
}: {
  label: string;
  children: React.ReactNode;
  mono?: boolean;
}) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className={mono ? "break-all font-mono text-xs" : "text-slate-900"}>{children}</dd>
    </>
  );
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
  const [copied, setCopied] = useState(false);
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
          <ArrowLeft className="h-4 w-4" aria-hidden /> {isPayout ? "Payouts" : "Transfers"}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
              {isPayout
                ? "Payout"
                : op.kind === "bank_transfer"
                  ? "Bank transfer"
                  : `Transfer batch · ${op.rowCount} rows`}{" "}
              · <span className="tabular-nums">{formatCop(op.amount)}</span>
            </h1>
            <p className="mt-1 font-mono text-xs text-slate-500">{op.id}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="ghost"
              onClick={() => {
                void navigator.clipboard?.writeText(
                  `${window.location.origin}/operations/${op.id}`,
                );
                setCopied(true);
              }}
            >
              <Link2 className="h-4 w-4" aria-hidden /> {copied ? "Link copied" : "Copy permalink"}
            </Button>
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
          Submitted.{" "}
          {op.requiredApprovals > 0
            ? `It needs ${op.requiredApprovals} approval${op.requiredApprovals > 1 ? "s" : ""} from someone other than you before it is sent.`
            : "No approval was needed: it goes to Mono now."}
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
            <RefreshCw className="h-3.5 w-3.5 animate-spin" aria-hidden /> updating every 3 s
          </span>
        ) : null}
        {op.lastErrorCode ? <Badge tone="red">{op.lastErrorCode}</Badge> : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Money" />
          <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1.5 p-5 text-sm">
            <Fact label="Amount">{formatCop(op.amount)}</Fact>
            <Fact label="Fees (estimate)">{formatCop(op.feeEstimate)}</Fact>
            <Fact label="Total debited">
              {op.monoSourceAmount !== null
                ? `${formatCop(op.monoSourceAmount)} (per Mono)`
                : `${formatCop(op.amount + op.feeEstimate)} (estimate)`}
            </Fact>
            <Fact label="Rail">
              {rail ? `${rail.label} · ${rail.expected}` : (op.method ?? "—")}
              {op.transferMode
                ? ` · ${op.transferMode === "prepare" ? "prepared (approve in Mono)" : "created"}`
                : ""}
            </Fact>
            <Fact label="Source account" mono>
              {op.sourceAccountId}
            </Fact>
            <Fact label="Mono id" mono>
              {op.monoId ?? "not sent yet"}
            </Fact>
            <Fact label="Mono state">
              {op.monoState
                ? `${op.monoState}${op.monoStateReason ? ` (${op.monoStateReason})` : ""}`
                : "—"}
            </Fact>
            {op.lastErrorMessage ? <Fact label="Last error">{op.lastErrorMessage}</Fact> : null}
            <Fact label="Idempotency key" mono>
              {op.idempotencyKey}
            </Fact>
            <Fact label="External id" mono>
              {op.externalId}
            </Fact>
            <Fact label="Created">
              {formatWhen(op.createdAt)} by {createdBy?.name ?? op.createdById}
            </Fact>
            <Fact label="Accepted by Mono">{formatWhen(op.acceptedAt)}</Fact>
            <Fact label="Finished">{formatWhen(op.finishedAt)}</Fact>
            <Fact label="Reason">{op.reason}</Fact>
            <Fact label="Ticket">{op.ticketRef ?? "—"}</Fact>
            {op.description ? <Fact label="Description">{op.description}</Fact> : null}
            {op.duplicateReason ? <Fact label="Duplicate reason">{op.duplicateReason}</Fact> : null}
          </dl>
        </Card>
        <Card>
          <CardHeader
            title={op.rowCount > 1 ? "Beneficiaries" : "Beneficiary"}
            description="Masked. Revealing asks for a reason and is audited."
          />
          <div className="p-5">
            <BeneficiaryView operation={op} canReveal={canReveal} bankName={bankName} />
          </div>
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Approvals"
          description={
            op.requiredApprovals === 0
              ? "Below the approval tier: no approval needed."
              : `${given} of ${op.requiredApprovals} approval${op.requiredApprovals > 1 ? "s" : ""}${op.stepUpRequired ? ", each with step-up" : ""}. Maker ≠ checker; approvals bind to fingerprint ${op.fingerprint.slice(0, 12)}…`
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
          <CardHeader
            title="Transfer rows"
            description="Each row is its own transfer at Mono, with its own external id."
          />
          <ItemsTable items={op.items} bankName={bankName} />
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title="Attempts to Mono"
          description="Every HTTP attempt with our request id and Mono's log id (what Mono support asks for), latency, and any wait before it."
        />
        <AttemptsTable attempts={attempts} />
      </Card>

      <Card>
        <CardHeader title="Audit trail" />
        <AuditTrail entries={audit} />
      </Card>
    </div>
  );
}
