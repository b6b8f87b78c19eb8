"use client";

import { useState } from "react";
import { Button } from "../ui/button";
import { minorToPesosInput } from "../money/format";
import { parsePesos } from "../money/parse";
import { RAILS } from "@/lib/operations/rails";
import { Dialog } from "../ui/dialog";
import { ReasonDialog } from "../ui/reason-dialog";
import { Field, inputClass } from "./fields";
import { GuardProblem } from "./guard-problem";
import { useCancelOperation, useEditPayout } from "./use-operations";
import type { TEditPayout, TOperation } from "./api";

export function CancelButton({ operation }: { operation: TOperation }) {
  const cancel = useCancelOperation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="cancel">
        Cancel operation
      </Button>
      <ReasonDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Cancel this operation?"
        explanation="Nothing has been sent to Mono; after cancelling, nothing will be. The reason is recorded."
        placeholder="Why cancel?"
        submitLabel="Cancel operation"
        cancelLabel="Keep it"
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
        Edit
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Edit payout" testId="edit-dialog">
        <form onSubmit={submit} className="space-y-3">
          <p className="text-sm text-amber-800">
            Any change voids the approvals given so far; the tier is decided again for the new
            amount.
          </p>
          <Field label="Amount (COP)" error={amountText && !parsed.ok ? parsed.error : undefined}>
            <input
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
              inputMode="decimal"
              className={inputClass + " text-right tabular-nums"}
            />
          </Field>
          <Field label="Rail">
            <select
              value={method}
              onChange={(e) => setMethod(e.target.value as TMethod)}
              className={inputClass}
            >
              {(["co_ach", "co_mono_turbo", "co_transfiya", "co_breb"] as const).map((m) => (
                <option key={m} value={m}>
                  {RAILS[m].label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Description (optional)">
            <input
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={140}
              className={inputClass}
            />
          </Field>
          <Field label="Why the change?">
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
              Close
            </Button>
            <Button type="submit" disabled={!parsed.ok || !reason.trim() || edit.isPending}>
              Save changes
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
