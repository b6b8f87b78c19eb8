"use client";

import { Eye } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Button } from "../ui/button";
import { ReasonDialog } from "../ui/reason-dialog";
import { useRevealBeneficiary } from "./use-operations";
import type { TMaskedBeneficiary, TOperation } from "./api";

type TRevealed = { accountNumber: string; documentNumber?: string; email?: string };

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </>
  );
}

// The beneficiary, masked. "Reveal" asks why (audited) and shows the numbers in clear on this
// screen only; nothing is cached.
export function BeneficiaryView({
  operation,
  canReveal,
  bankName,
}: {
  operation: TOperation;
  canReveal: boolean;
  bankName: (code: string) => string;
}) {
  const t = useTranslations("operations.beneficiary");
  const f = useFormat();
  const reveal = useRevealBeneficiary();
  const [asking, setAsking] = useState(false);
  const [clear, setClear] = useState<TRevealed[] | null>(null);
  const rows: { amount?: number; beneficiary: TMaskedBeneficiary }[] = Array.isArray(
    operation.target,
  )
    ? operation.target
    : [{ beneficiary: operation.target }];

  return (
    <div className="space-y-3">
      {rows.length === 1 ? (
        <dl className="grid grid-cols-[9rem_1fr] gap-x-4 gap-y-1 text-sm" data-testid="beneficiary">
          <Row label={t("name")} value={rows[0].beneficiary.name} />
          <Row label={t("bank")} value={bankName(rows[0].beneficiary.bankCode)} />
          <Row
            label={t("account")}
            value={
              <span className="font-mono">
                {clear?.[0]?.accountNumber ?? rows[0].beneficiary.accountNumber} ·{" "}
                {rows[0].beneficiary.accountType === "savings_account"
                  ? t("savings")
                  : t("checking")}
              </span>
            }
            testId="beneficiary-account"
          />
          <Row
            label={t("document")}
            value={
              <span className="font-mono">
                {rows[0].beneficiary.documentType}{" "}
                {clear?.[0]?.documentNumber ?? rows[0].beneficiary.documentNumber}
              </span>
            }
          />
          {rows[0].beneficiary.email ? (
            <Row label={t("email")} value={clear?.[0]?.email ?? rows[0].beneficiary.email} />
          ) : null}
        </dl>
      ) : (
        <ol className="max-h-80 space-y-1.5 overflow-auto text-sm" data-testid="beneficiary">
          {rows.map((row, i) => {
            const b = row.beneficiary;
            const c = clear?.[i];
            return (
              <li key={i} className="grid grid-cols-[1.5rem_1fr_auto] gap-x-2">
                <span className="tabular-nums text-slate-600">{i + 1}.</span>
                <span className="font-medium">{b.name}</span>
                <span className="text-right tabular-nums">
                  {row.amount !== undefined ? f.money(row.amount) : ""}
                </span>
                <span className="col-start-2 col-end-4 text-xs text-slate-600">
                  {bankName(b.bankCode)} ·{" "}
                  <span className="font-mono">{c?.accountNumber ?? b.accountNumber}</span> ·{" "}
                  <span className="font-mono">
                    {b.documentType} {c?.documentNumber ?? b.documentNumber}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {canReveal && !clear ? (
        <Button variant="secondary" onClick={() => setAsking(true)} data-testid="reveal">
          <Eye className="h-4 w-4" aria-hidden /> {t("reveal")}
        </Button>
      ) : null}
      {clear ? (
        <p className="text-xs text-amber-800" data-testid="revealed">
          {t("revealed")}
        </p>
      ) : null}
      <ReasonDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t("dialogTitle")}
        explanation={t("dialogExplanation")}
        placeholder={t("dialogPlaceholder")}
        submitLabel={t("dialogSubmit")}
        pending={reveal.isPending}
        error={reveal.error}
        onSubmit={(reason) =>
          reveal.mutate(
            { id: operation.id, reason },
            {
              onSuccess: (r) => {
                const target = r.target;
                setClear(Array.isArray(target) ? target.map((x) => x.beneficiary) : [target]);
                setAsking(false);
              },
            },
          )
        }
        testId="reveal"
      />
    </div>
  );
}
