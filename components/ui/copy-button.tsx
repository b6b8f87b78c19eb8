"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Check, Copy } from "lucide-react";

// Copies an id (or a permalink: pass its path) exactly; support pastes these into tickets and Mono escalations.
// `iconOnly` keeps the label for screen readers and the tooltip, for buttons beside the id itself.
export function CopyButton({
  value,
  label: given,
  iconOnly = false,
  testId,
}: {
  value: string;
  label?: string;
  iconOnly?: boolean;
  testId?: string;
}) {
  const t = useTranslations("ui");
  const [done, setDone] = useState(false);
  const label = given ?? t("copy");
  return (
    <button
      type="button"
      onClick={async () => {
        // A path ("/operations/…") is copied as a full link to this console.
        const text = value.startsWith("/") ? window.location.origin + value : value;
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setDone(true);
        setTimeout(() => setDone(false), 1_500);
      }}
      className="inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 font-sans text-xs text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
      aria-label={`${label} ${value}`}
      title={done ? t("copied") : `${label}: ${value}`}
      data-testid={testId}
      data-copy-value={value}
    >
      {done ? (
        <Check className="h-3 w-3 text-emerald-700" aria-hidden />
      ) : (
        <Copy className="h-3 w-3" aria-hidden />
      )}
      {iconOnly ? null : done ? t("copied") : label}
      {iconOnly ? (
        <span aria-live="polite" className="sr-only">
          {done ? t("copied") : ""}
        </span>
      ) : null}
    </button>
  );
}
