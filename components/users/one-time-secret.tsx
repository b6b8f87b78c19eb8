"use client";

import { useTranslations } from "next-intl";
import { Button } from "../ui/button";

// A password shown once: the server keeps only its hash, so this is the only chance to copy it.
export function OneTimeSecret({
  label,
  value,
  onDismiss,
}: {
  label: string;
  value: string;
  onDismiss: () => void;
}) {
  const t = useTranslations("users.secret");
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
    >
      <span>{label}:</span>
      <code className="rounded bg-white px-2 py-0.5 font-mono" data-testid="temporary-password">
        {value}
      </code>
      <span className="text-xs">{t("shownOnce")}</span>
      <Button variant="ghost" onClick={() => navigator.clipboard?.writeText(value)}>
        {t("copy")}
      </Button>
      <Button variant="ghost" onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </div>
  );
}
