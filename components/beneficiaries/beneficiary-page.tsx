"use client";

import Link from "next/link";
import { Eye } from "lucide-react";
import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ReasonDialog } from "../ui/reason-dialog";
import { ErrorNote } from "../ui/error-note";
import { formatCop } from "../money/format";
import { formatWhen } from "../operations/format-time";
import {
  useBeneficiary,
  useRevealBeneficiaryRecord,
  type TBeneficiaryClear,
  type TBeneficiaryView,
} from "./api";

// Every user-facing string of the beneficiary page.
const TEXT = {
  loading: "Loading…",
  identity: "Beneficiary",
  masked: "Masked. Revealing asks for a reason and is audited.",
  name: "Name",
  bank: "Bank",
  account: "Account",
  document: "Document",
  email: "E-mail",
  firstSeen: "First paid",
  lastSeen: "Last paid",
  reveal: "Reveal numbers",
  revealed: "Shown in clear for this screen only; the reveal is in the audit log.",
  why: "Why do you need the full numbers?",
  whyHint:
    "Account and document numbers are personal data. Your reason is recorded in the audit log with your name.",
  confirm: "Reveal",
  totals: "Totals",
  paid: "Paid",
  inFlight: "In flight",
  failed: "Failed",
  last30: (n: number, paid: string) =>
    `Last 30 days: ${n} payment${n === 1 ? "" : "s"}, ${paid} paid`,
  truncated: "Only the latest 500 rows of each kind are counted.",
  payments: "Payments and transfer rows",
  paymentsHint: "Every payout and transfer row to this account, across batches.",
  noPayments: "No payments to this account.",
  breb: "Bre-B key resolutions",
  noBreb: "No Bre-B key resolved to this account.",
  webhooks: "Webhook events",
  noWebhooks: "No webhook events for these operations.",
  findings: "Reconciliation findings",
  noFindings: "No reconciliation findings for these operations.",
  col: {
    when: "Created",
    operation: "Operation",
    row: "Row",
    amount: "Amount",
    state: "State",
    rowState: "At Mono",
    key: "Key",
    holder: "Holder",
    type: "Type",
    result: "Result",
    kind: "Kind",
    severity: "Severity",
    resolved: "Resolved",
  },
  open: "open",
};

type TPayment = TBeneficiaryView["payments"][number];
const BUCKET_TONE = { paid: "green", in_flight: "blue", failed: "red", stopped: "gray" } as const;

export function BeneficiaryPage({
  beneficiaryKey,
  canReveal,
}: {
  beneficiaryKey: string;
  canReveal: boolean;
}) {
  const q = useBeneficiary(beneficiaryKey);
  if (q.error) return <ErrorNote error={q.error} />;
  if (!q.data) return <p className="text-sm text-slate-500">{TEXT.loading}</p>;
  const v = q.data;
  const paymentCols: TColumn<TPayment>[] = [
    {
      id: "when",
      header: TEXT.col.when,
      cell: (p) => formatWhen(p.createdAt),
      sortValue: (p) => p.createdAt,
    },
    {
      id: "operation",
      header: TEXT.col.operation,
      cell: (p) => (
        <Link
          className="font-mono text-brand-700 hover:underline"
          href={`/operations/${p.operationId}`}
        >
          {p.operationId}
        </Link>
      ),
    },
    { id: "row", header: TEXT.col.row, cell: (p) => (p.position === null ? "—" : p.position + 1) },
    {
      id: "amount",
      header: TEXT.col.amount,
      align: "right",
      cell: (p) => formatCop(p.amount),
      sortValue: (p) => p.amount,
    },
    {
      id: "state",
      header: TEXT.col.state,
      cell: (p) => (
        <Badge tone={BUCKET_TONE[p.bucket]}>{p.operationState.replace(/_/g, " ")}</Badge>
      ),
      sortValue: (p) => p.operationState,
    },
    { id: "rowState", header: TEXT.col.rowState, cell: (p) => p.rowState ?? "—" },
  ];
  return (
    <div className="space-y-6">
      <Identity v={v} beneficiaryKey={beneficiaryKey} canReveal={canReveal} />
      <Card>
        <CardHeader title={TEXT.totals} />
        <dl className="grid grid-cols-3 gap-4 px-5 py-4 text-sm" data-testid="beneficiary-totals">
          <Total label={TEXT.paid} value={formatCop(v.totals.paid)} />
          <Total label={TEXT.inFlight} value={formatCop(v.totals.inFlight)} />
          <Total label={TEXT.failed} value={formatCop(v.totals.failed)} />
        </dl>
        <p className="px-5 pb-4 text-sm text-slate-600">
          {TEXT.last30(v.totals.last30Days.count, formatCop(v.totals.last30Days.paid))}
          {v.totals.truncated ? ` ${TEXT.truncated}` : ""}
        </p>
      </Card>
      <Card>
        <CardHeader title={TEXT.payments} description={TEXT.paymentsHint} />
        <DataTable
          label={TEXT.payments}
          columns={paymentCols}
          rows={v.payments}
          rowKey={(p) => `${p.operationId}:${p.position ?? "p"}`}
          empty={TEXT.noPayments}
        />
      </Card>
      <Card>
        <CardHeader title={TEXT.breb} />
        <DataTable
          label={TEXT.breb}
          rows={v.brebResolutions}
          rowKey={(r) => r.id}
          empty={TEXT.noBreb}
          columns={[
            { id: "when", header: TEXT.col.when, cell: (r) => formatWhen(r.resolvedAt) },
            {
              id: "key",
              header: TEXT.col.key,
              cell: (r) => <span className="font-mono">{r.keyValue}</span>,
            },
            { id: "type", header: TEXT.col.type, cell: (r) => r.keyType ?? "—" },
            { id: "holder", header: TEXT.col.holder, cell: (r) => r.holderName },
          ]}
        />
      </Card>
      <Card>
        <CardHeader title={TEXT.webhooks} />
        <DataTable
          label={TEXT.webhooks}
          rows={v.webhooks}
          rowKey={(w) => w.id}
          empty={TEXT.noWebhooks}
          columns={[
            { id: "when", header: TEXT.col.when, cell: (w) => formatWhen(w.receivedAt) },
            { id: "type", header: TEXT.col.type, cell: (w) => w.type },
            {
              id: "operation",
              header: TEXT.col.operation,
              cell: (w) =>
                w.operationId ? (
                  <Link
                    className="font-mono text-brand-700 hover:underline"
                    href={`/operations/${w.operationId}`}
                  >
                    {w.operationId}
                  </Link>
                ) : (
                  "—"
                ),
            },
            { id: "result", header: TEXT.col.result, cell: (w) => w.processingResult ?? "—" },
          ]}
        />
      </Card>
      <Card>
        <CardHeader title={TEXT.findings} />
        <DataTable
          label={TEXT.findings}
          rows={v.findings}
          rowKey={(f) => f.id}
          empty={TEXT.noFindings}
          columns={[
            { id: "when", header: TEXT.col.when, cell: (f) => formatWhen(f.createdAt) },
            { id: "kind", header: TEXT.col.kind, cell: (f) => f.kind.replace(/_/g, " ") },
            { id: "severity", header: TEXT.col.severity, cell: (f) => f.severity },
            {
              id: "operation",
              header: TEXT.col.operation,
              cell: (f) =>
                f.operationId ? (
                  <Link
                    className="font-mono text-brand-700 hover:underline"
                    href={`/operations/${f.operationId}`}
                  >
                    {f.operationId}
                  </Link>
                ) : (
                  "—"
                ),
            },
            {
              id: "resolved",
              header: TEXT.col.resolved,
              cell: (f) => (f.resolvedAt ? formatWhen(f.resolvedAt) : TEXT.open),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

function Identity({
  v,
  beneficiaryKey,
  canReveal,
}: {
  v: TBeneficiaryView;
  beneficiaryKey: string;
  canReveal: boolean;
}) {
  const b = v.beneficiary;
  const reveal = useRevealBeneficiaryRecord();
  const [asking, setAsking] = useState(false);
  const [clear, setClear] = useState<TBeneficiaryClear | null>(null);
  const rows: [string, React.ReactNode][] = [
    [TEXT.name, b.name],
    [TEXT.bank, b.bankCode],
    [
      TEXT.account,
      <span key="a" className="font-mono" data-testid="beneficiary-account">
        {clear?.accountNumber ?? b.accountNumber}
      </span>,
    ],
    [
      TEXT.document,
      <span key="d" className="font-mono">
        {b.documentType} {clear?.documentNumber ?? b.documentNumber}
      </span>,
    ],
    ...(b.email ? ([[TEXT.email, clear?.email ?? b.email]] as [string, React.ReactNode][]) : []),
    [TEXT.firstSeen, formatWhen(b.firstSeenAt)],
    [TEXT.lastSeen, formatWhen(b.lastSeenAt)],
  ];
  return (
    <Card>
      <CardHeader title={TEXT.identity} description={TEXT.masked} />
      <div className="space-y-3 px-5 py-4">
        <dl
          className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm"
          data-testid="beneficiary-identity"
        >
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        {canReveal && !clear ? (
          <Button variant="secondary" onClick={() => setAsking(true)} data-testid="reveal">
            <Eye className="h-4 w-4" aria-hidden /> {TEXT.reveal}
          </Button>
        ) : null}
        {clear ? <p className="text-xs text-amber-800">{TEXT.revealed}</p> : null}
        <ReasonDialog
          open={asking}
          onClose={() => setAsking(false)}
          title={TEXT.why}
          explanation={TEXT.whyHint}
          submitLabel={TEXT.confirm}
          pending={reveal.isPending}
          error={reveal.error}
          onSubmit={(reason) =>
            reveal.mutate(
              { key: beneficiaryKey, reason },
              { onSuccess: (r) => (setClear(r), setAsking(false)) },
            )
          }
          testId="reveal"
        />
      </div>
    </Card>
  );
}
