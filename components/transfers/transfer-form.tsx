"use client";

import Link from "next/link";
import { Upload } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { formatCop } from "../money/format";
import { Field, inputClass } from "../operations/fields";
import { FormSection, FormShell } from "../forms/form-shell";
import { ReasonFields, SourceAccountField } from "../forms/common-fields";
import { useIdempotencyKey } from "../operations/idempotency";
import { useBanks, usePreview, useSourceAccounts } from "../operations/use-reference";
import type { TTransfersInput } from "@/lib/operations/schemas";
import { ProgressSteps, type TStage } from "./progress-steps";
import { RowsGrid } from "./rows-grid";
import {
  CSV_TEMPLATE,
  EMPTY_ROW,
  isPristine,
  rowsFromCsv,
  serverRowErrors,
  duplicateRows,
  validateRow,
  type TRowDraft,
} from "./rows";
import { useSubmitTransfers } from "./use-transfers";

const TEXT = {
  label: "New transfer batch",
  batch: "Batch",
  batchHint: "Banking transfers from one of your Mono accounts. Up to 1,000 rows per batch.",
  chooseSource: "Choose the account to pay from",
  sayWhy: "Say why this batch is sent",
  reasonHint: "e.g. Supplier payments, week 47",
  rows: (n: number) => `${n} row${n === 1 ? "" : "s"}`,
  total: "total",
  totalValid: "total of the valid rows",
  completeRows: "Complete every row to see the approvals and fees that apply.",
  submit: (n: number) => `Submit ${n} transfer${n === 1 ? "" : "s"}`,
  rowsInvalid: "Some rows have errors: fix them in the grid.",
};

const tick = () => new Promise((r) => setTimeout(r, 0));

export function TransferForm() {
  const accounts = useSourceAccounts();
  const banks = useBanks();
  const idem = useIdempotencyKey();
  const submit = useSubmitTransfers();
  const fileRef = useRef<HTMLInputElement>(null);
  const [sourceAccountId, setSource] = useState("");
  const [mode, setMode] = useState<"create" | "prepare">("prepare");
  const [routing, setRouting] = useState<"ach" | "turbo">("ach");
  const [reason, setReason] = useState("");
  const [ticketRef, setTicketRef] = useState("");
  const [rows, setRows] = useState<TRowDraft[]>([{ ...EMPTY_ROW }]);
  const [stage, setStage] = useState<TStage>({ kind: "idle" });
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [created, setCreated] = useState<{ id: string; state: string } | null>(null);

  const bankCodes = useMemo(
    () => (banks.data ? new Set(banks.data.banks.map((b) => b.code)) : null),
    [banks.data],
  );
  const validated = useMemo(() => rows.map((r) => validateRow(r, bankCodes)), [rows, bankCodes]);
  const repeats = useMemo(() => duplicateRows(validated.map((v) => v.row)), [validated]);
  const serverErrors = useMemo(
    () =>
      submit.error instanceof ApiError ? serverRowErrors(submit.error.problem.errors) : new Map(),
    [submit.error],
  );
  // A row nobody has typed into yet shows no errors until a submit is tried: a fresh form is not
  // "1 row with errors". The server's own findings always show.
  const unexplained = (i: number) => repeats.has(i) && !rows[i].duplicateReason.trim();
  const errors = validated.map((v, i) => ({
    ...(tried || !isPristine(rows[i]) ? v.errors : {}),
    ...(unexplained(i)
      ? { duplicateReason: `Same account and amount as row ${repeats.get(i)! + 1}: say why` }
      : {}),
    ...serverErrors.get(i),
  }));
  const valid = validated.every((v, i) => v.row && !unexplained(i)) && rows.length > 0;
  const total = validated.reduce((a, v) => a + (v.row?.amount ?? 0), 0);
  const preview = usePreview(valid ? total : null, routing, Math.max(1, rows.length));

  function editRows(next: TRowDraft[]) {
    setRows(next);
    if (submit.error) submit.reset();
  }

  async function onFile(file: File) {
    setStage({ kind: "parsing" });
    setFileNote(null);
    const { rows: parsed, error } = rowsFromCsv(await file.text());
    setFileNote(error);
    if (!parsed.length) {
      setStage({ kind: "idle" });
      return;
    }
    // Validation is instant for a few rows; for a 1,000-row file it is done in chunks so the page
    // stays responsive and shows how far it got.
    let bad = 0;
    for (let i = 0; i < parsed.length; i += 100) {
      setStage({ kind: "validating", done: i, total: parsed.length });
      for (const r of parsed.slice(i, i + 100)) if (!validateRow(r, bankCodes).row) bad++;
      await tick();
    }
    editRows(parsed);
    setFileNote(
      (n) =>
        n ??
        (bad
          ? `${bad} of ${parsed.length} rows need fixing: they are highlighted below.`
          : `${parsed.length} rows loaded, all valid.`),
    );
    setStage({ kind: "ready" });
  }

  function send(duplicateReason?: string) {
    setTried(true);
    if (!valid || !sourceAccountId || !reason.trim()) return;
    const body: TTransfersInput = {
      sourceAccountId,
      mode,
      routing,
      currency: "COP",
      rows: validated.map((v) => v.row!),
      reason: reason.trim(),
      ...(ticketRef.trim() ? { ticketRef: ticketRef.trim() } : {}),
      ...(duplicateReason ? { duplicateReason } : {}),
    };
    setStage({ kind: "submitting" });
    submit.mutate(
      { body, key: idem.key },
      {
        onSuccess: (r) => {
          idem.settle();
          setCreated({ id: r.operation.id, state: r.operation.state });
          setStage({ kind: "accepted", state: r.operation.state });
        },
        onError: (err) => {
          idem.settle(err);
          setStage({ kind: "refused" });
        },
      },
    );
  }

  if (created) {
    return (
      <Card className="space-y-4 p-6" data-testid="batch-created">
        <ProgressSteps stage={stage} rows={rows.length} />
        <p className="text-sm text-slate-800">
          {rows.length === 1 ? "The transfer" : `The batch of ${rows.length} transfers`} (
          {formatCop(total)}) was recorded as{" "}
          <Link href={`/operations/${created.id}`} className="font-mono text-brand-700 underline">
            {created.id}
          </Link>
          , now <strong>{created.state.replace(/_/g, " ")}</strong>.
          {mode === "prepare"
            ? " Once sent, it waits in the Mono app for its approval (OTP) there."
            : ""}
        </p>
        <div className="flex gap-2">
          <Link
            href={`/operations/${created.id}`}
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Follow its progress
          </Link>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(null);
              setRows([{ ...EMPTY_ROW }]);
              setStage({ kind: "idle" });
              setTried(false);
              submit.reset();
            }}
          >
            New batch
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <FormShell
      label={TEXT.label}
      onSubmit={() => send()}
      summary={
        <p className="text-sm text-slate-700">
          {TEXT.rows(rows.length)} · {valid ? TEXT.total : TEXT.totalValid}{" "}
          <strong className="tabular-nums" data-testid="batch-total">
            {formatCop(total)}
          </strong>
        </p>
      }
      preview={
        valid
          ? {
              data: preview.data,
              error: preview.error,
              loading: preview.isFetching,
              rows: rows.length,
            }
          : null
      }
      previewPlaceholder={<p className="text-sm text-slate-600">{TEXT.completeRows}</p>}
      submit={{
        label: TEXT.submit(rows.length),
        pending: submit.isPending,
        testId: "submit-transfers",
      }}
      invalid={tried && !valid ? { text: TEXT.rowsInvalid, testId: "rows-invalid" } : null}
      problem={{
        error: submit.error,
        busy: submit.isPending,
        // A single transfer is confirmed like a payout; batch rows each get a reason in the grid.
        onConfirmDuplicate: rows.length === 1 ? (r) => send(r) : undefined,
      }}
      below={
        <Card>
          <CardHeader
            title="Transfers"
            description="Amounts in pesos (5.000.000 or 5000000,50). Upload a CSV (comma or semicolon separated, with a header row) or type the rows."
            actions={
              <div className="flex gap-2">
                <a
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`}
                  download="transfers-template.csv"
                  className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  Template
                </a>
                <Button type="button" variant="secondary" onClick={() => fileRef.current?.click()}>
                  <Upload className="h-4 w-4" aria-hidden /> Upload CSV
                </Button>
                <input
                  ref={fileRef}
                  type="file"
                  accept=".csv,text/csv"
                  className="hidden"
                  data-testid="csv-input"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f) void onFile(f);
                    e.target.value = "";
                  }}
                />
              </div>
            }
          />
          <div className="space-y-2 px-5 pt-3">
            <ProgressSteps stage={stage} rows={rows.length} />
            {fileNote ? (
              <p className="text-sm text-slate-700" data-testid="file-note">
                {fileNote}
              </p>
            ) : null}
          </div>
          <RowsGrid
            rows={rows}
            errors={errors}
            onChange={editRows}
            banks={banks.data?.banks ?? []}
          />
        </Card>
      }
    >
      <FormSection title={TEXT.batch} description={TEXT.batchHint}>
        <SourceAccountField
          accounts={accounts.data?.bankAccounts}
          loading={accounts.isPending}
          value={sourceAccountId}
          onChange={setSource}
          error={tried && !sourceAccountId ? TEXT.chooseSource : undefined}
        />
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">Mode</legend>
          <label className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              checked={mode === "prepare"}
              onChange={() => setMode("prepare")}
              data-testid="mode-prepare"
              className="mt-1"
            />
            <span>
              <strong>Prepare</strong>: someone approves it in the Mono app (OTP) before money moves
            </span>
          </label>
          <label className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              checked={mode === "create"}
              onChange={() => setMode("create")}
              data-testid="mode-create"
              className="mt-1"
            />
            <span>
              <strong>Create</strong>: sent for processing as soon as the console releases it
            </span>
          </label>
        </fieldset>
        <Field label="Routing">
          <select
            value={routing}
            onChange={(e) => setRouting(e.target.value as "ach" | "turbo")}
            className={inputClass}
            data-testid="routing"
          >
            <option value="ach">ACH (same business day)</option>
            <option value="turbo">Mono Turbo (minutes)</option>
          </select>
        </Field>
        <ReasonFields
          reason={reason}
          ticketRef={ticketRef}
          onReason={setReason}
          onTicketRef={setTicketRef}
          reasonError={tried && !reason.trim() ? TEXT.sayWhy : undefined}
          reasonPlaceholder={TEXT.reasonHint}
        />
      </FormSection>
    </FormShell>
  );
}
