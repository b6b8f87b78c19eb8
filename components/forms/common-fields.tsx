"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Field, inputClass } from "../operations/fields";
import type { TSourceAccount } from "../operations/reference-api";

// The fields every money-moving form asks for in the same way: where the money comes from, and
// why it is sent (reason and ticket reference, stored with the operation and shown to approvers).
export function SourceAccountField({
  accounts,
  loading,
  value,
  onChange,
  error,
}: {
  accounts: TSourceAccount[] | undefined;
  loading: boolean;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const t = useTranslations("forms.common");
  const f = useFormat();
  const source = accounts?.find((a) => a.id === value);
  return (
    <Field
      label={t("source")}
      error={error}
      className="sm:col-span-2"
      hint={
        source
          ? t("available", { amount: f.money(source.available) })
          : loading
            ? t("loading")
            : undefined
      }
    >
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        data-testid="source-account"
      >
        <option value="">{t("choose")}</option>
        {accounts?.map((a) => (
          <option key={a.id} value={a.id}>
            {t("option", { name: a.name, amount: f.money(a.available) })}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ReasonFields({
  reason,
  ticketRef,
  onReason,
  onTicketRef,
  reasonError,
  ticketError,
  reasonPlaceholder,
}: {
  reason: string;
  ticketRef: string;
  onReason: (v: string) => void;
  onTicketRef: (v: string) => void;
  reasonError?: string;
  ticketError?: string;
  reasonPlaceholder: string;
}) {
  const t = useTranslations("forms.common");
  return (
    <>
      <Field label={t("reason")} error={reasonError} className="sm:col-span-2">
        <textarea
          value={reason}
          onChange={(e) => onReason(e.target.value)}
          rows={2}
          maxLength={500}
          className={inputClass}
          placeholder={reasonPlaceholder}
          data-testid="reason"
        />
      </Field>
      <Field label={t("ticket")} error={ticketError}>
        <input
          value={ticketRef}
          onChange={(e) => onTicketRef(e.target.value)}
          maxLength={100}
          placeholder={t("ticketHint")}
          className={inputClass}
          data-testid="ticket-ref"
        />
      </Field>
    </>
  );
}
