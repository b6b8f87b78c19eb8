"use client";

import { ShieldAlert, ShieldCheck, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { RAILS } from "@/lib/operations/rails";
import { useFormat } from "../i18n/use-format";
import { ErrorNote } from "../ui/error-note";
import type { TPreview } from "./reference-api";

type TGuardT = (key: "none" | "nonePaused" | "one" | "two" | "paused" | "refused") => string;

export function tierText(t: TGuardT, tier: TPreview["tier"], killSwitch = false): string {
  switch (tier.kind) {
    case "none":
      return killSwitch ? t("nonePaused") : t("none");
    case "one_approver":
      return t("one") + (killSwitch ? t("paused") : "");
    case "two_approvers":
      return t("two") + (killSwitch ? t("paused") : "");
    case "refused":
      return t("refused");
  }
}

/**
 * The server's expected processing time is the rail's (lib/operations/rails.ts), in English: shown
 * in the person's language when it is one of the rails' (the server's text otherwise).
 */
function useExpectedText() {
  const t = useTranslations("operations.railExpected");
  return (text: string) => {
    const code = Object.entries(RAILS).find(([, r]) => r.expected === text)?.[0];
    return code && t.has(code) ? t(code) : text;
  };
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
  const t = useTranslations("operations.guard");
  const f = useFormat();
  const expected = useExpectedText();
  if (error) return <ErrorNote error={error} />;
  if (!preview)
    return <p className="text-sm text-slate-500">{loading ? t("checking") : t("enterAmount")}</p>;
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
        <span data-testid="tier-text">{tierText(t, preview.tier, preview.killSwitch)}</span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("fees", { rows })}</dt>
        <dd className="text-right tabular-nums" data-testid="preview-fee">
          {f.money(preview.fee)}
        </dd>
        <dt className="font-medium text-slate-700">{t("total")}</dt>
        <dd className="text-right font-semibold tabular-nums" data-testid="preview-total">
          {f.money(preview.total)}
        </dd>
        <dt className="text-slate-600">{t("expected")}</dt>
        <dd className="text-right" data-testid="preview-expected">
          {preview.killSwitch ? t("expectedPaused") : expected(preview.expectedTime)}
        </dd>
      </dl>
      <p className="text-xs text-slate-600">{t("feesNote", { version: preview.policyVersion })}</p>
      {preview.killSwitch ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900"
        >
          {t("killSwitch")}
        </p>
      ) : null}
    </div>
  );
}
