"use client";

import { useTranslations } from "next-intl";
import { ErrorNote } from "../ui/error-note";
import { KillSwitch } from "./kill-switch";
import { PolicyForm } from "./policy-form";
import { usePolicy } from "./use-policy";

export function PolicySettings({ canWrite }: { canWrite: boolean }) {
  const t = useTranslations("settings");
  const q = usePolicy();
  if (q.isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (q.error) return <ErrorNote error={q.error} />;
  return (
    <div className="space-y-6">
      <KillSwitch policy={q.data} canWrite={canWrite} />
      <p className="text-sm text-slate-600" data-testid="policy-version">
        {q.data.version === 0
          ? t("versionDefaults", { version: q.data.version })
          : t("version", { version: q.data.version })}
      </p>
      {/* Remount on a new version so the fields show what was saved (or what someone else saved). */}
      <PolicyForm key={q.data.version} policy={q.data} canWrite={canWrite} />
    </div>
  );
}
