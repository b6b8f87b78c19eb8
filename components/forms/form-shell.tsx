"use client";

import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { GuardPreview } from "../operations/guard-preview";
import { GuardProblem } from "../operations/guard-problem";
import type { TPreview } from "../operations/reference-api";

export type TFormShellProps = {
  /** The form's accessible name ("New payout", "New transfer batch"). */
  label: string;
  onSubmit: () => void;
  /** The form's own cards (left column). */
  children: React.ReactNode;
  /** Full-width content under both columns (the transfer grid). */
  below?: React.ReactNode;
  /** Lines above the guard's verdict in the summary card (e.g. the batch total). */
  summary?: React.ReactNode;
  /** The guard's verdict, or what to show instead while the form cannot be previewed yet. */
  preview: { data: TPreview | undefined; error: unknown; loading: boolean; rows?: number } | null;
  previewPlaceholder?: React.ReactNode;
  submit: { label: string; pending: boolean; testId: string };
  /** "Fix the fields first" after a submit was tried on an invalid form. */
  invalid?: { text: string; testId: string } | null;
  /** The last submission's refusal, with the duplicate confirmation when it applies. */
  problem?: { error: unknown; busy: boolean; onConfirmDuplicate?: (reason: string) => void };
  footnote?: React.ReactNode;
};

// The frame every money-moving form shares (payout, transfers): its cards on the left, and on
// the right the guard's verdict before submitting, the submit button (refused tiers cannot
// submit; with the kill switch on it says sending is paused), the form's invalid note, and the
// guard's problem panel after a refusal. The server decides again on submit.
export function FormShell({
  label,
  onSubmit,
  children,
  below,
  summary,
  preview,
  previewPlaceholder,
  submit,
  invalid,
  problem,
  footnote,
}: TFormShellProps) {
  const t = useTranslations("forms.shell");
  const refused = preview?.data?.tier.kind === "refused";
  const paused = !!preview?.data?.killSwitch;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      className="space-y-6"
      aria-label={label}
      noValidate
    >
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">{children}</div>
        <div className="space-y-4 xl:sticky xl:top-6 xl:self-start">
          <Card>
            <CardHeader title={t("before")} />
            <div className="space-y-4 p-5">
              {summary}
              {preview ? (
                <GuardPreview
                  preview={preview.data}
                  error={preview.error}
                  loading={preview.loading}
                  rows={preview.rows}
                />
              ) : (
                previewPlaceholder
              )}
              <Button
                type="submit"
                className="w-full"
                disabled={submit.pending || refused}
                data-testid={submit.testId}
              >
                {submit.pending
                  ? t("submitting")
                  : paused
                    ? t("paused", { label: submit.label })
                    : submit.label}
              </Button>
              {invalid ? (
                <p className="text-sm text-red-700" data-testid={invalid.testId}>
                  {invalid.text}
                </p>
              ) : null}
              {problem?.error ? (
                <GuardProblem
                  error={problem.error}
                  busy={problem.busy}
                  onConfirmDuplicate={problem.onConfirmDuplicate}
                />
              ) : null}
              {footnote ? <p className="text-xs text-slate-600">{footnote}</p> : null}
            </div>
          </Card>
        </div>
      </div>
      {below}
    </form>
  );
}

/** One card of a money-moving form: a titled section whose fields sit on a two-column grid. */
export function FormSection({
  title,
  description,
  children,
  grid = true,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
  grid?: boolean;
}) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <div className={grid ? "grid gap-4 p-5 sm:grid-cols-2" : "space-y-4 p-5"}>{children}</div>
    </Card>
  );
}
