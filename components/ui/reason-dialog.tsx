"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "../operations/fields";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { ErrorNote } from "./error-note";

type TReasonProps = {
  onClose: () => void;
  title: string;
  explanation: React.ReactNode;
  placeholder?: string;
  submitLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  minLength?: number;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  testId: string;
};

// The console's "say why" dialog: an action that is recorded with a reason (a reveal of personal
// data, a cancellation) asks for it here. Test ids: `${testId}-dialog`, `-reason`, `-submit`.
export function ReasonDialog({ open, ...props }: TReasonProps & { open: boolean }) {
  return (
    <Dialog
      open={open}
      onClose={props.onClose}
      title={props.title}
      testId={`${props.testId}-dialog`}
    >
      {/* Mounted only while open: every opening asks afresh. */}
      <ReasonForm {...props} />
    </Dialog>
  );
}

function ReasonForm({
  onClose,
  title,
  explanation,
  placeholder,
  submitLabel,
  cancelLabel,
  danger = false,
  minLength = 5,
  pending,
  error,
  onSubmit,
  testId,
}: TReasonProps) {
  const t = useTranslations("ui");
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(reason.trim());
      }}
    >
      <p className="text-sm text-slate-600">{explanation}</p>
      <textarea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        maxLength={500}
        className={inputClass}
        placeholder={placeholder}
        aria-label={title}
        autoFocus
        data-testid={`${testId}-reason`}
      />
      <ErrorNote error={error} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose}>
          {cancelLabel ?? t("cancel")}
        </Button>
        <Button
          type="submit"
          variant={danger ? "danger" : undefined}
          disabled={reason.trim().length < minLength || pending}
          data-testid={`${testId}-submit`}
        >
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
