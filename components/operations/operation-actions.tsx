"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { useValidationText } from "../forms/validation-text";
import { Button } from "../ui/button";
import { minorToPesosInput } from "../money/format";
import { parsePesos } from "../money/parse";
import { Dialog } from "../ui/dialog";
import { ReasonDialog } from "../ui/reason-dialog";
import { Field, inputClass } from "./fields";
import { GuardProblem } from "./guard-problem";
import { useCancelOperation, useEditPayout } from "./use-operations";
import type { TEditPayout, TOperation } from "./api";

export function CancelButton({ operation }: { operation: TOperation }) {
  const t = useTranslations("operations.actions");
  const cancel = useCancelOperation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="cancel">
        {t("cancel")}
      </Button>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("cancelTitle")}
        explanation={t("cancelExplanation")}
        placeholder={t("cancelPlaceholder")}
        submitLabel={t("cancel")}
        cancelLabel={t("keep")}
        danger
        minLength={1}
        pending={cancel.isPending}
        error={cancel.error}
        onSubmit={(reason) =>
          cancel.mutate({ id: operation.id, reason }, { onSuccess: () => setOpen(false) })
        }
        testId="cancel"
      />
    </>
  );
}

type TMethod = NonNullable<TEditPayout["method"]>;

// The maker changes a payout still waiting for approval. Approvals given so far are void after it.
export function EditPayoutButton({ operation }: { operation: TOperation }) {
  const t = useTranslations("operations.actions");
  const f = useFormat();
  const vt = useValidationText();
  const edit = useEditPayout();
  const [open, setOpen] = useState(false);
  const [amountText, setAmountText] = useState(minorToPesosInput(operation.amount));
  const [method, setMethod] = useState<TMethod>((operation.method ?? "co_ach") as TMethod);
  const [description, setDescription] = useState(operation.description ?? "");
  const [reason, setReason] = useState("");
  const parsed = parsePesos(amountText);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!parsed.ok) return;
    const body: TEditPayout = { reason: reason.trim() };
    if (parsed.minor !== operation.amount) body.amount = parsed.minor;
    if (method !== operation.method) body.method = method;
    if (description.trim() && description.trim() !== (operation.description ?? ""))
      body.description = description.trim();
    edit.mutate({ id: operation.id, body }, { onSuccess: () => setOpen(false) });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="edit">
        {t("edit")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("editTitle")}
        testId="edit-dialog"
      >
        <form onSubmit={submit} className="space-y-3">
          <p className="text-sm text-amber-800">{t("editWarning")}</p>
          <Field
            label={t("amount")}
            error={amountText && !parsed.ok ? vt(parsed.error) : undefined}
          >
            <input
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
              inputMode="decimal"
              className={inputClass + " text-right tabular-nums"}
            />
          </Field>
          <Field label={t("rail")}>
            <select
              value={method}
              onChange={(e) => setMethod(e.target.value as TMethod)}
              className={inputClass}
            >
              {(["co_ach", "co_mono_turbo", "co_transfiya", "co_breb"] as const).map((m) => (
                <option key={m} value={m}>
                  {f.rail(m)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("description")}>
            <input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={140}
              className={inputClass}
            />
          </Field>
          <Field label={t("why")}>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              className={inputClass}
            />
          </Field>
          {edit.error ? <GuardProblem error={edit.error} /> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {t("close")}
            </Button>
            <Button type="submit" disabled={!parsed.ok || !reason.trim() || edit.isPending}>
              {t("save")}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
