"use client";

import { ShieldAlert, ShieldCheck, Users } from "lucide-react";
import { formatCop } from "../money/format";
import { ErrorNote } from "../ui/error-note";
import type { TPreview } from "./reference-api";

const TEXT = {
  none: "No approval needed: it is sent as soon as you submit.",
  nonePaused:
    "No approval needed, but the kill switch is ON: it is recorded when you submit and sent only after an admin turns the switch off.",
  one: "Needs one approver other than you before it is sent.",
  two: "Needs two approvers other than you, each re-entering their password.",
  refused: "Above the largest amount the console may send: it will be refused.",
  paused: " While the kill switch is ON, nothing is sent even after approval.",
  checking: "Checking the policy…",
  enterAmount: "Enter an amount to see the approvals, fees and timing that apply.",
  fees: (rows: number) => `Estimated fees${rows > 1 ? ` (${rows} rows)` : ""}`,
  total: "Total debited",
  expected: "Expected processing",
  expectedPaused: "not before the kill switch is turned off",
  feesNote: (v: number) =>
    `Fees are the policy's estimate (rail fee + 4×1000); Mono computes the real ones. Policy v${v}.`,
  killSwitch:
    "The kill switch is ON: you can submit, but nothing is sent to Mono until an admin turns it off.",
};

export function tierText(t: TPreview["tier"], killSwitch = false): string {
  switch (t.kind) {
    case "none":
      return killSwitch ? TEXT.nonePaused : TEXT.none;
    case "one_approver":
      return TEXT.one + (killSwitch ? TEXT.paused : "");
    case "two_approvers":
      return TEXT.two + (killSwitch ? TEXT.paused : "");
    case "refused":
      return TEXT.refused;
  }
}

// What the guard will decide, shown before submitting (the server decides again on submit).
export function GuardPreview({
  preview,
  error,
  loading,
  rows = 1,
}: {
  preview: TPreview | undefined;
  error: unknown;
  loading: boolean;
  rows?: number;
}) {
  if (error) return <ErrorNote error={error} />;
  if (!preview)
    return <p className="text-sm text-slate-500">{loading ? TEXT.checking : TEXT.enterAmount}</p>;
  const Icon =
    preview.tier.kind === "refused"
      ? ShieldAlert
      : preview.tier.kind === "none"
        ? ShieldCheck
        : Users;
  const tone =
    preview.tier.kind === "refused"
      ? "border-red-200 bg-red-50 text-red-900"
      : preview.tier.kind === "none"
        ? "border-emerald-200 bg-emerald-50 text-emerald-900"
        : "border-amber-200 bg-amber-50 text-amber-950";
  return (
    <div className="space-y-3" data-testid="guard-preview" data-tier={preview.tier.kind}>
      <div className={`flex gap-2 rounded-md border px-3 py-2 text-sm ${tone}`}>
        <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
        <span data-testid="tier-text">{tierText(preview.tier, preview.killSwitch)}</span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{TEXT.fees(rows)}</dt>
        <dd className="text-right tabular-nums" data-testid="preview-fee">
          {formatCop(preview.fee)}
        </dd>
        <dt className="font-medium text-slate-700">{TEXT.total}</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="preview-total">
          {formatCop(preview.total)}
        </dd>
        <dt className="text-slate-600">{TEXT.expected}</dt>
        <dd className="text-right" data-testid="preview-expected">
          {preview.killSwitch ? TEXT.expectedPaused : preview.expectedTime}
        </dd>
      </dl>
      <p className="text-xs text-slate-600">{TEXT.feesNote(preview.policyVersion)}</p>
      {preview.killSwitch ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900"
        >
          {TEXT.killSwitch}
        </p>
      ) : null}
    </div>
  );
}
