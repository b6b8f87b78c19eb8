"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { AlertTriangle, OctagonAlert } from "lucide-react";
import { useCriticalBanner } from "./use-alerts";
import type { TBanner } from "./api";

// Across the top of every console page: the kill switch while it is on, and open critical alerts.
// The layout renders the first answer on the server, so the banners are there on the first paint.
export function ConsoleBanners({
  initial,
  canSeeSettings,
}: {
  initial?: TBanner;
  canSeeSettings: boolean;
}) {
  const t = useTranslations("alerts.banner");
  const { data } = useCriticalBanner(initial);
  if (!data) return null;
  const [first] = data.latest;
  return (
    <>
      {data.killSwitch ? (
        <div
          role="alert"
          data-testid="kill-switch-banner"
          className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-red-800 bg-red-700 px-6 py-2 text-sm text-white"
        >
          <OctagonAlert className="h-4 w-4 shrink-0" aria-hidden />
          <span className="font-semibold">{t("killSwitch")}</span>
          <span className="hidden xl:inline">{t("killSwitchMore")}</span>
          {canSeeSettings ? (
            <Link href="/settings" className="ml-auto whitespace-nowrap font-medium underline">
              {t("settings")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {data.count > 0 ? (
        <div
          role="alert"
          data-testid="critical-alert-banner"
          className="flex items-center gap-3 border-b border-red-300 bg-red-600 px-6 py-2 text-sm text-white"
        >
          <AlertTriangle className="h-4 w-4 shrink-0" aria-hidden />
          <span className="font-semibold">{t("critical", { count: data.count })}</span>
          {first ? <span className="truncate">{first.title}</span> : null}
          <Link
            href="/alerts?severity=critical"
            className="ml-auto whitespace-nowrap font-medium underline"
          >
            {t("viewAlerts")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
