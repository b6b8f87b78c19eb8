"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "../operations/fields";
import type { TBank } from "../operations/reference-api";

export type TBeneficiaryDraft = {
  bankCode: string;
  accountType: "savings_account" | "checking_account";
  accountNumber: string;
  name: string;
  documentType: "CC" | "CE" | "NIT" | "PP" | "TI";
  documentNumber: string;
  email: string;
};
export const EMPTY_BENEFICIARY: TBeneficiaryDraft = {
  bankCode: "",
  accountType: "savings_account",
  accountNumber: "",
  name: "",
  documentType: "CC",
  documentNumber: "",
  email: "",
};
export const DOCUMENT_TYPES = ["CC", "CE", "NIT", "PP", "TI"] as const;

// Mono's payout target: bank (from Mono's banks list), account, payee name and document.
// `locked` fields came from a resolved Bre-B key and are shown, not edited.
export function BeneficiaryFields({
  value,
  onChange,
  banks,
  errors,
  locked = false,
}: {
  value: TBeneficiaryDraft;
  onChange: (v: TBeneficiaryDraft) => void;
  banks: TBank[];
  errors: Record<string, string | undefined>;
  locked?: boolean;
}) {
  const t = useTranslations("payouts.beneficiary");
  const set = <K extends keyof TBeneficiaryDraft>(k: K, v: TBeneficiaryDraft[K]) =>
    onChange({ ...value, [k]: v });
  const bank = banks.find((b) => b.code === value.bankCode);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t("bank")} error={errors.bankCode} className="sm:col-span-2">
        <select
          value={value.bankCode}
          onChange={(e) => set("bankCode", e.target.value)}
          className={inputClass}
          aria-invalid={!!errors.bankCode}
          data-testid="bank"
        >
          <option value="">{t("chooseBank")}</option>
          {banks.map((b) => (
            <option key={b.code} value={b.code}>
              {b.name} ({b.code})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("accountType")} error={errors.accountType}>
        <select
          value={value.accountType}
          disabled={locked}
          onChange={(e) => set("accountType", e.target.value as TBeneficiaryDraft["accountType"])}
          className={inputClass}
          data-testid="account-type"
        >
          {(bank?.account_types ?? ["savings_account", "checking_account"]).map((type) => (
            <option key={type} value={type}>
              {type === "savings_account" ? t("savings") : t("checking")}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("accountNumber")} error={errors.accountNumber} hint={t("accountHint")}>
        <input
          value={value.accountNumber}
          readOnly={locked}
          onChange={(e) => set("accountNumber", e.target.value.replace(/\s/g, ""))}
          inputMode="numeric"
          autoComplete="off"
          className={inputClass}
          aria-invalid={!!errors.accountNumber}
          data-testid="account-number"
        />
      </Field>
      <Field label={t("payeeName")} error={errors.name} className="sm:col-span-2">
        <input
          value={value.name}
          readOnly={locked}
          onChange={(e) => set("name", e.target.value)}
          maxLength={120}
          autoComplete="off"
          className={inputClass}
          aria-invalid={!!errors.name}
          data-testid="payee-name"
        />
      </Field>
      <Field label={t("documentType")} error={errors.documentType}>
        <select
          value={value.documentType}
          disabled={locked}
          onChange={(e) => set("documentType", e.target.value as TBeneficiaryDraft["documentType"])}
          className={inputClass}
          data-testid="document-type"
        >
          {DOCUMENT_TYPES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("documentNumber")} error={errors.documentNumber}>
        <input
          value={value.documentNumber}
          readOnly={locked}
          onChange={(e) => set("documentNumber", e.target.value.trim())}
          autoComplete="off"
          className={inputClass}
          aria-invalid={!!errors.documentNumber}
          data-testid="document-number"
        />
      </Field>
      <Field label={t("email")} error={errors.email} className="sm:col-span-2">
        <input
          type="email"
          value={value.email}
          onChange={(e) => set("email", e.target.value.trim())}
          autoComplete="off"
          className={inputClass}
          aria-invalid={!!errors.email}
        />
      </Field>
    </div>
  );
}
