"use client";

import Link from "next/link";
import { Upload } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
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
  type TCsvProblem,
  type TRowDraft,
  type TRowErrors,
} from "./rows";
import { useSubmitTransfers } from "./use-transfers";

const tick = () => new Promise((r) => setTimeout(r, 0));

export function TransferForm() {
  const t = useTranslations("transfers.form");
  const tc = useTranslations("transfers.csv");
  const f = useFormat();
  const stateLabel = useStateLabel();
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
      submit.error instanceof ApiError
        ? serverRowErrors(submit.error.problem.errors)
        : new Map<number, TRowErrors>(),
    [submit.error],
  );
  // A row nobody has typed into yet shows no errors until a submit is tried: a fresh form is not
  // "1 row with errors". The server's own findings always show (whole, worded by the grid).
  const unexplained = (i: number) => repeats.has(i) && !rows[i].duplicateReason.trim();
  const errors = validated.map((v, i) => ({
    ...(tried || !isPristine(rows[i]) ? v.errors : {}),
    ...(unexplained(i) ? { duplicateReason: t("duplicateRow", { row: repeats.get(i)! + 1 }) } : {}),
    ...serverErrors.get(i),
  }));
  const valid = validated.every((v, i) => v.row && !unexplained(i)) && rows.length > 0;
  const total = validated.reduce((a, v) => a + (v.row?.amount ?? 0), 0);
  const preview = usePreview(valid ? total : null, routing, Math.max(1, rows.length));

  function editRows(next: TRowDraft[]) {
    setRows(next);
    if (submit.error) submit.reset();
  }

  const csvText = (p: TCsvProblem) =>
    p.kind === "empty"
      ? tc("empty")
      : p.kind === "missing"
        ? tc("missing", { columns: p.columns.join(", "), header: p.header })
        : tc("tooMany", { count: p.rows });

  async function onFile(file: File) {
    setStage({ kind: "parsing" });
    setFileNote(null);
    const { rows: parsed, error, problem } = rowsFromCsv(await file.text());
    setFileNote(problem ? csvText(problem) : error);
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
        (bad ? t("fileBad", { bad, count: parsed.length }) : t("fileOk", { count: parsed.length })),
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
          {t.rich("created", {
            count: rows.length,
            total: f.money(total),
            id: created.id,
            state: stateLabel(created.state),
            prepare: mode === "prepare" ? "yes" : "no",
            link: (c) => (
              <Link
                href={`/operations/${created.id}`}
                className="font-mono text-brand-700 underline"
              >
                {c}
              </Link>
            ),
            strong: (c) => <strong>{c}</strong>,
          })}
        </p>
        <div className="flex gap-2">
          <Link
            href={`/operations/${created.id}`}
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("follow")}
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
            {t("newBatch")}
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <FormShell
      label={t("label")}
      onSubmit={() => send()}
      summary={
        <p className="text-sm text-slate-700">
          {t("rows", { count: rows.length })} · {valid ? t("total") : t("totalValid")}{" "}
          <strong className="tabular-nums" data-testid="batch-total">
            {f.money(total)}
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
      previewPlaceholder={<p className="text-sm text-slate-600">{t("completeRows")}</p>}
      submit={{
        label: t("submit", { count: rows.length }),
        pending: submit.isPending,
        testId: "submit-transfers",
      }}
      invalid={tried && !valid ? { text: t("rowsInvalid"), testId: "rows-invalid" } : null}
      problem={{
        error: submit.error,
        busy: submit.isPending,
        // A single transfer is confirmed like a payout; batch rows each get a reason in the grid.
        onConfirmDuplicate: rows.length === 1 ? (r) => send(r) : undefined,
      }}
      below={
        <Card>
          <CardHeader
            title={t("transfers")}
            description={t("transfersHint")}
            actions={
              <div className="flex gap-2">
                <a
                  href={`data:text/csv;charset=utf-8,${encodeURIComponent(CSV_TEMPLATE)}`}
                  download="transfers-template.csv"
                  className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t("template")}
                </a>
                <Button type="button" variant="secondary" onClick={() => fileRef.current?.click()}>
                  <Upload className="h-4 w-4" aria-hidden /> {t("upload")}
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
      <FormSection title={t("batch")} description={t("batchHint")}>
        <SourceAccountField
          accounts={accounts.data?.bankAccounts}
          loading={accounts.isPending}
          value={sourceAccountId}
          onChange={setSource}
          error={tried && !sourceAccountId ? t("chooseSource") : undefined}
        />
        <fieldset className="text-sm">
          <legend className="font-medium text-slate-700">{t("mode")}</legend>
          <label className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              checked={mode === "prepare"}
              onChange={() => setMode("prepare")}
              data-testid="mode-prepare"
              className="mt-1"
            />
            <span>{t.rich("prepare", { strong: (c) => <strong>{c}</strong> })}</span>
          </label>
          <label className="mt-1 flex items-start gap-2">
            <input
              type="radio"
              checked={mode === "create"}
              onChange={() => setMode("create")}
              data-testid="mode-create"
              className="mt-1"
            />
            <span>{t.rich("create", { strong: (c) => <strong>{c}</strong> })}</span>
          </label>
        </fieldset>
        <Field label={t("routing")}>
          <select
            value={routing}
            onChange={(e) => setRouting(e.target.value as "ach" | "turbo")}
            className={inputClass}
            data-testid="routing"
          >
            <option value="ach">{f.rail("ach")}</option>
            <option value="turbo">{f.rail("turbo")}</option>
          </select>
        </Field>
        <ReasonFields
          reason={reason}
          ticketRef={ticketRef}
          onReason={setReason}
          onTicketRef={setTicketRef}
          reasonError={tried && !reason.trim() ? t("sayWhy") : undefined}
          reasonPlaceholder={t("reasonHint")}
        />
      </FormSection>
    </FormShell>
  );
}
