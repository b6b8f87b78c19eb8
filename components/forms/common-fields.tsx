"use client";

import { formatCop } from "../money/format";
import { Field, inputClass } from "../operations/fields";
import type { TSourceAccount } from "../operations/reference-api";

const TEXT = {
  source: "Source account",
  choose: "Choose…",
  available: (v: string) => `Available: ${v}`,
  option: (name: string, v: string) => `${name} · ${v} available`,
  loading: "Loading accounts…",
  reason: "Reason",
  ticket: "Ticket reference (optional)",
  ticketHint: "SUP-1234",
};

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
  const source = accounts?.find((a) => a.id === value);
  return (
    <Field
      label={TEXT.source}
      error={error}
      className="sm:col-span-2"
      hint={
        source ? TEXT.available(formatCop(source.available)) : loading ? TEXT.loading : undefined
      }
    >
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
        data-testid="source-account"
      >
        <option value="">{TEXT.choose}</option>
        {accounts?.map((a) => (
          <option key={a.id} value={a.id}>
            {TEXT.option(a.name, formatCop(a.available))}
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
  return (
    <>
      <Field label={TEXT.reason} error={reasonError} className="sm:col-span-2">
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
      <Field label={TEXT.ticket} error={ticketError}>
        <input
          value={ticketRef}
          onChange={(e) => onTicketRef(e.target.value)}
          maxLength={100}
          placeholder={TEXT.ticketHint}
          className={inputClass}
          data-testid="ticket-ref"
        />
      </Field>
    </>
  );
}
