"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatCop } from "../money/format";
import { Field, inputClass } from "../operations/fields";
import { FormSection, FormShell } from "../forms/form-shell";
import { ReasonFields, SourceAccountField } from "../forms/common-fields";
import { useIdempotencyKey } from "../operations/idempotency";
import { useBanks, usePreview, useSourceAccounts } from "../operations/use-reference";
import { RAILS } from "@/lib/operations/rails";
import { BeneficiaryFields, EMPTY_BENEFICIARY, DOCUMENT_TYPES } from "./beneficiary-fields";
import { BrebKey } from "./breb-key";
import { buildPayout, EMPTY_PAYOUT, type TPayoutDraft, type TPayoutMethod } from "./payout-draft";
import { useSubmitPayout } from "./use-payouts";
import type { TBrebTarget } from "./api";

const TEXT = {
  label: "New payout",
  money: "Money",
  moneyHint:
    "Pay from one of your Core ledger accounts. Type the amount in pesos; cents after a comma.",
  beneficiary: "Beneficiary",
  beneficiaryBreb: "Resolve the Bre-B key, confirm the holder, then choose their bank.",
  beneficiaryHint:
    "Where the money goes. Account and document numbers are masked everywhere after submitting.",
  why: "Why",
  whyHint: "Stored with the payout and shown to the approver.",
  submitSend: "Submit and send",
  submitApproval: "Submit for approval",
  invalid: "Fix the highlighted fields first.",
  reasonHint: "e.g. Refund for order 4411, customer complaint",
  footnote:
    "Submitting twice never pays twice: this form carries one idempotency key until the payout is created.",
};

const METHODS: TPayoutMethod[] = ["co_ach", "co_mono_turbo", "co_transfiya", "co_breb"];

export function PayoutForm() {
  const router = useRouter();
  const accounts = useSourceAccounts();
  const banks = useBanks();
  const idem = useIdempotencyKey(); // minted when the form opens (see idempotency.ts)
  const submit = useSubmitPayout();
  const [draft, setDraft] = useState<TPayoutDraft>(EMPTY_PAYOUT);
  const [breb, setBreb] = useState<TBrebTarget | null>(null);
  const [tried, setTried] = useState(false);

  const { body, amount, errors } = buildPayout(draft);
  const preview = usePreview(amount, draft.method);
  const shown = (k: string, filled: boolean) => (tried || filled ? errors[k] : undefined);
  const b = draft.beneficiary;
  const beneficiaryErrors = Object.fromEntries(
    (
      [
        "bankCode",
        "accountType",
        "accountNumber",
        "name",
        "documentType",
        "documentNumber",
        "email",
      ] as const
    ).map((k) => [k, shown(k, k === "bankCode" ? false : !!b[k])]),
  );
  const needsBreb = draft.method === "co_breb" && !breb;

  function send(duplicateReason?: string) {
    setTried(true);
    if (!body || needsBreb) return;
    submit.mutate(
      { body: { ...body, ...(duplicateReason ? { duplicateReason } : {}) }, key: idem.key },
      {
        onSuccess: (r) => {
          idem.settle();
          router.push(`/operations/${r.operation.id}?created=1`);
        },
        onError: (err) => idem.settle(err),
      },
    );
  }

  function onBrebConfirm(t: TBrebTarget) {
    setBreb(t);
    const documentType = (DOCUMENT_TYPES as readonly string[]).includes(t.documentType)
      ? (t.documentType as TPayoutDraft["beneficiary"]["documentType"])
      : "CC";
    const accountType =
      t.accountType === "checking_account" ? "checking_account" : "savings_account";
    setDraft((d) => ({
      ...d,
      beneficiary: {
        ...d.beneficiary,
        name: t.holderName,
        documentType,
        documentNumber: t.documentNumber,
        accountNumber: t.accountNumber,
        accountType,
      },
    }));
  }

  const tier = preview.data?.tier.kind;
  return (
    <FormShell
      label={TEXT.label}
      onSubmit={() => send()}
      preview={{
        data: amount ? preview.data : undefined,
        error: preview.error,
        loading: preview.isFetching,
      }}
      submit={{
        label: tier === "none" ? TEXT.submitSend : TEXT.submitApproval,
        pending: submit.isPending,
        testId: "submit-payout",
      }}
      invalid={
        tried && Object.keys(errors).length ? { text: TEXT.invalid, testId: "form-invalid" } : null
      }
      problem={{
        error: submit.error,
        busy: submit.isPending,
        onConfirmDuplicate: (reason) => send(reason),
      }}
      footnote={TEXT.footnote}
    >
      <FormSection title={TEXT.money} description={TEXT.moneyHint}>
        <SourceAccountField
          accounts={accounts.data?.ledgerAccounts}
          loading={accounts.isPending}
          value={draft.sourceAccountId}
          onChange={(id) => {
            setDraft({ ...draft, sourceAccountId: id });
            setBreb(null);
          }}
          error={shown("sourceAccountId", false)}
        />
        <Field
          label="Amount the beneficiary receives (COP)"
          error={shown("amount", !!draft.amountText)}
          hint={amount ? formatCop(amount) : "e.g. 5.000.000 or 5000000,50"}
        >
          <input
            value={draft.amountText}
            onChange={(e) => setDraft({ ...draft, amountText: e.target.value })}
            inputMode="decimal"
            autoComplete="off"
            placeholder="5.000.000"
            className={inputClass + " text-right tabular-nums"}
            aria-invalid={!!shown("amount", !!draft.amountText)}
            data-testid="amount"
          />
        </Field>
        <Field label="Rail" hint={RAILS[draft.method].expected}>
          <select
            value={draft.method}
            onChange={(e) => {
              setDraft({
                ...draft,
                method: e.target.value as TPayoutMethod,
                beneficiary: EMPTY_BENEFICIARY,
              });
              setBreb(null);
            }}
            className={inputClass}
            data-testid="method"
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {RAILS[m].label}
              </option>
            ))}
          </select>
        </Field>
      </FormSection>

      <FormSection
        title={TEXT.beneficiary}
        description={draft.method === "co_breb" ? TEXT.beneficiaryBreb : TEXT.beneficiaryHint}
        grid={false}
      >
        {draft.method === "co_breb" ? (
          <BrebKey
            sourceAccountId={draft.sourceAccountId}
            confirmed={breb}
            onConfirm={onBrebConfirm}
            onClear={() => {
              setBreb(null);
              setDraft({ ...draft, beneficiary: EMPTY_BENEFICIARY });
            }}
          />
        ) : null}
        {tried && needsBreb ? (
          <p role="alert" className="text-sm text-red-700">
            Resolve and confirm the Bre-B key first.
          </p>
        ) : null}
        {draft.method !== "co_breb" || breb ? (
          <BeneficiaryFields
            value={b}
            onChange={(v) => setDraft({ ...draft, beneficiary: v })}
            banks={banks.data?.banks ?? []}
            errors={beneficiaryErrors}
            locked={!!breb}
          />
        ) : null}
      </FormSection>

      <FormSection title={TEXT.why} description={TEXT.whyHint}>
        <ReasonFields
          reason={draft.reason}
          ticketRef={draft.ticketRef}
          onReason={(reason) => setDraft({ ...draft, reason })}
          onTicketRef={(ticketRef) => setDraft({ ...draft, ticketRef })}
          reasonError={shown("reason", !!draft.reason)}
          ticketError={shown("ticketRef", !!draft.ticketRef)}
          reasonPlaceholder={TEXT.reasonHint}
        />
        <Field
          label="Description for the beneficiary (optional)"
          error={shown("description", !!draft.description)}
        >
          <input
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            maxLength={140}
            className={inputClass}
          />
        </Field>
      </FormSection>
    </FormShell>
  );
}
