"use client";

import { Eye } from "lucide-react";
import { useState } from "react";
import { Button } from "../ui/button";
import { formatCop } from "../money/format";
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
          <Row label="Name" value={rows[0].beneficiary.name} />
          <Row label="Bank" value={bankName(rows[0].beneficiary.bankCode)} />
          <Row
            label="Account"
            value={
              <span className="font-mono">
                {clear?.[0]?.accountNumber ?? rows[0].beneficiary.accountNumber} ·{" "}
                {rows[0].beneficiary.accountType === "savings_account" ? "savings" : "checking"}
              </span>
            }
            testId="beneficiary-account"
          />
          <Row
            label="Document"
            value={
              <span className="font-mono">
                {rows[0].beneficiary.documentType}{" "}
                {clear?.[0]?.documentNumber ?? rows[0].beneficiary.documentNumber}
              </span>
            }
          />
          {rows[0].beneficiary.email ? (
            <Row label="Email" value={clear?.[0]?.email ?? rows[0].beneficiary.email} />
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
                  {row.amount !== undefined ? formatCop(row.amount) : ""}
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
          <Eye className="h-4 w-4" aria-hidden /> Reveal numbers
        </Button>
      ) : null}
      {clear ? (
        <p className="text-xs text-amber-800" data-testid="revealed">
          Shown in clear for this screen only; the reveal is in the audit log.
        </p>
      ) : null}
      <ReasonDialog
        open={asking}
        onClose={() => setAsking(false)}
        title="Why do you need the full numbers?"
        explanation="Account and document numbers are personal data. Your reason is recorded in the audit log with your name."
        placeholder="e.g. Customer disputes the account number on ticket SUP-1234"
        submitLabel="Reveal"
        pending={reveal.isPending}
        error={reveal.error}
        onSubmit={(reason) =>
          reveal.mutate(
            { id: operation.id, reason },
            {
              onSuccess: (r) => {
                const t = r.target;
                setClear(Array.isArray(t) ? t.map((x) => x.beneficiary) : [t]);
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
