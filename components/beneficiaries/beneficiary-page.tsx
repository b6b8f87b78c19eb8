"use client";

import Link from "next/link";
import { Eye } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ReasonDialog } from "../ui/reason-dialog";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
import { useResultLabel } from "../webhooks/result-badge";
import {
  useBeneficiary,
  useRevealBeneficiaryRecord,
  type TBeneficiaryClear,
  type TBeneficiaryView,
} from "./api";

type TPayment = TBeneficiaryView["payments"][number];
const BUCKET_TONE = { paid: "green", in_flight: "blue", failed: "red", stopped: "gray" } as const;

export function BeneficiaryPage({
  beneficiaryKey,
  canReveal,
}: {
  beneficiaryKey: string;
  canReveal: boolean;
}) {
  const t = useTranslations("beneficiaries");
  const f = useFormat();
  const stateLabel = useStateLabel();
  const resultLabel = useResultLabel();
  const q = useBeneficiary(beneficiaryKey);
  if (q.error) return <ErrorNote error={q.error} />;
  if (!q.data) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const v = q.data;
  const paymentCols: TColumn<TPayment>[] = [
    {
      id: "when",
      header: t("col.when"),
      cell: (p) => f.when(p.createdAt),
      sortValue: (p) => p.createdAt,
    },
    {
      id: "operation",
      header: t("col.operation"),
      cell: (p) => (
        <Link
          className="font-mono text-brand-700 hover:underline"
          href={`/operations/${p.operationId}`}
        >
          {p.operationId}
        </Link>
      ),
    },
    { id: "row", header: t("col.row"), cell: (p) => (p.position === null ? "—" : p.position + 1) },
    {
      id: "amount",
      header: t("col.amount"),
      align: "right",
      cell: (p) => f.money(p.amount),
      sortValue: (p) => p.amount,
    },
    {
      id: "state",
      header: t("col.state"),
      cell: (p) => <Badge tone={BUCKET_TONE[p.bucket]}>{stateLabel(p.operationState)}</Badge>,
      sortValue: (p) => p.operationState,
    },
    { id: "rowState", header: t("col.rowState"), cell: (p) => p.rowState ?? "—" },
  ];
  return (
    <div className="space-y-6">
      <Identity v={v} beneficiaryKey={beneficiaryKey} canReveal={canReveal} />
      <Card>
        <CardHeader title={t("totals")} />
        <dl className="grid grid-cols-3 gap-4 px-5 py-4 text-sm" data-testid="beneficiary-totals">
          <Total label={t("paid")} value={f.money(v.totals.paid)} />
          <Total label={t("inFlight")} value={f.money(v.totals.inFlight)} />
          <Total label={t("failed")} value={f.money(v.totals.failed)} />
        </dl>
        <p className="px-5 pb-4 text-sm text-slate-600">
          {t("last30", {
            count: v.totals.last30Days.count,
            paid: f.money(v.totals.last30Days.paid),
          })}
          {v.totals.truncated ? ` ${t("truncated")}` : ""}
        </p>
      </Card>
      <Card>
        <CardHeader title={t("payments")} description={t("paymentsHint")} />
        <DataTable
          label={t("payments")}
          columns={paymentCols}
          rows={v.payments}
          rowKey={(p) => `${p.operationId}:${p.position ?? "p"}`}
          empty={t("noPayments")}
        />
      </Card>
      <Card>
        <CardHeader title={t("breb")} />
        <DataTable
          label={t("breb")}
          rows={v.brebResolutions}
          rowKey={(r) => r.id}
          empty={t("noBreb")}
          columns={[
            { id: "when", header: t("col.when"), cell: (r) => f.when(r.resolvedAt) },
            {
              id: "key",
              header: t("col.key"),
              cell: (r) => <span className="font-mono">{r.keyValue}</span>,
            },
            { id: "type", header: t("col.type"), cell: (r) => r.keyType ?? "—" },
            { id: "holder", header: t("col.holder"), cell: (r) => r.holderName },
          ]}
        />
      </Card>
      <Card>
        <CardHeader title={t("webhooks")} />
        <DataTable
          label={t("webhooks")}
          rows={v.webhooks}
          rowKey={(w) => w.id}
          empty={t("noWebhooks")}
          columns={[
            { id: "when", header: t("col.when"), cell: (w) => f.when(w.receivedAt) },
            { id: "type", header: t("col.type"), cell: (w) => w.type },
            {
              id: "operation",
              header: t("col.operation"),
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
            {
              id: "result",
              header: t("col.result"),
              cell: (w) => (w.processingResult ? resultLabel(w.processingResult) : "—"),
            },
          ]}
        />
      </Card>
      <Card>
        <CardHeader title={t("findings")} />
        <DataTable
          label={t("findings")}
          rows={v.findings}
          rowKey={(x) => x.id}
          empty={t("noFindings")}
          columns={[
            { id: "when", header: t("col.when"), cell: (x) => f.when(x.createdAt) },
            { id: "kind", header: t("col.kind"), cell: (x) => x.kind.replace(/_/g, " ") },
            { id: "severity", header: t("col.severity"), cell: (x) => x.severity },
            {
              id: "operation",
              header: t("col.operation"),
              cell: (x) =>
                x.operationId ? (
                  <Link
                    className="font-mono text-brand-700 hover:underline"
                    href={`/operations/${x.operationId}`}
                  >
                    {x.operationId}
                  </Link>
                ) : (
                  "—"
                ),
            },
            {
              id: "resolved",
              header: t("col.resolved"),
              cell: (x) => (x.resolvedAt ? f.when(x.resolvedAt) : t("open")),
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
  const t = useTranslations("beneficiaries");
  const f = useFormat();
  const b = v.beneficiary;
  const reveal = useRevealBeneficiaryRecord();
  const [asking, setAsking] = useState(false);
  const [clear, setClear] = useState<TBeneficiaryClear | null>(null);
  const rows: [string, React.ReactNode][] = [
    [t("name"), b.name],
    [t("bank"), b.bankCode],
    [
      t("account"),
      <span key="a" className="font-mono" data-testid="beneficiary-account">
        {clear?.accountNumber ?? b.accountNumber}
      </span>,
    ],
    [
      t("document"),
      <span key="d" className="font-mono">
        {b.documentType} {clear?.documentNumber ?? b.documentNumber}
      </span>,
    ],
    ...(b.email ? ([[t("email"), clear?.email ?? b.email]] as [string, React.ReactNode][]) : []),
    [t("firstSeen"), f.when(b.firstSeenAt)],
    [t("lastSeen"), f.when(b.lastSeenAt)],
  ];
  return (
    <Card>
      <CardHeader title={t("identity")} description={t("masked")} />
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
            <Eye className="h-4 w-4" aria-hidden /> {t("reveal")}
          </Button>
        ) : null}
        {clear ? <p className="text-xs text-amber-800">{t("revealed")}</p> : null}
        <ReasonDialog
          open={asking}
          onClose={() => setAsking(false)}
          title={t("why")}
          explanation={t("whyHint")}
          submitLabel={t("confirm")}
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
