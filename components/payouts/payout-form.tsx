"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { useValidationText } from "../forms/validation-text";
import { Field, inputClass } from "../operations/fields";
import { FormSection, FormShell } from "../forms/form-shell";
import { ReasonFields, SourceAccountField } from "../forms/common-fields";
import { useIdempotencyKey } from "../operations/idempotency";
import { useBanks, usePreview, useSourceAccounts } from "../operations/use-reference";
import { BeneficiaryFields, EMPTY_BENEFICIARY, DOCUMENT_TYPES } from "./beneficiary-fields";
import { BrebKey } from "./breb-key";
import { buildPayout, EMPTY_PAYOUT, type TPayoutDraft, type TPayoutMethod } from "./payout-draft";
import { useSubmitPayout } from "./use-payouts";
import type { TBrebTarget } from "./api";

const METHODS: TPayoutMethod[] = ["co_ach", "co_mono_turbo", "co_transfiya", "co_breb"];

export function PayoutForm() {
  const t = useTranslations("payouts.form");
  const rails = useTranslations("operations.railExpected");
  const f = useFormat();
  const vt = useValidationText();
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
  const shown = (k: string, filled: boolean) => (tried || filled ? vt(errors[k]) : undefined);
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
      label={t("label")}
      onSubmit={() => send()}
      preview={{
        data: amount ? preview.data : undefined,
        error: preview.error,
        loading: preview.isFetching,
      }}
      submit={{
        label: tier === "none" ? t("submitSend") : t("submitApproval"),
        pending: submit.isPending,
        testId: "submit-payout",
      }}
      invalid={
        tried && Object.keys(errors).length ? { text: t("invalid"), testId: "form-invalid" } : null
      }
      problem={{
        error: submit.error,
        busy: submit.isPending,
        onConfirmDuplicate: (reason) => send(reason),
      }}
      footnote={t("footnote")}
    >
      <FormSection title={t("money")} description={t("moneyHint")}>
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
          label={t("amount")}
          error={shown("amount", !!draft.amountText)}
          hint={amount ? f.money(amount) : t("amountHint")}
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
        <Field label={t("rail")} hint={rails(draft.method)}>
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
                {f.rail(m)}
              </option>
            ))}
          </select>
        </Field>
      </FormSection>

      <FormSection
        title={t("beneficiary")}
        description={draft.method === "co_breb" ? t("beneficiaryBreb") : t("beneficiaryHint")}
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
            {t("brebFirst")}
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

      <FormSection title={t("why")} description={t("whyHint")}>
        <ReasonFields
          reason={draft.reason}
          ticketRef={draft.ticketRef}
          onReason={(reason) => setDraft({ ...draft, reason })}
          onTicketRef={(ticketRef) => setDraft({ ...draft, ticketRef })}
          reasonError={shown("reason", !!draft.reason)}
          ticketError={shown("ticketRef", !!draft.ticketRef)}
          reasonPlaceholder={t("reasonHint")}
        />
        <Field label={t("description")} error={shown("description", !!draft.description)}>
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
