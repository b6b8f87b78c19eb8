"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale } from "@/i18n/locales";

// The person's language: kept in a cookie for a year (this browser), applied by a refresh of the
// server-rendered page. Without a pick, the browser's language decides (docs/I18N.md).
export function LanguagePicker({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  return (
    <label className={`flex flex-col gap-1 text-xs text-slate-600 ${className}`}>
      <span>{t("language")}</span>
      <select
        value={locale}
        data-testid="language-picker"
        className="w-full max-w-48 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-700"
        onChange={(e) => {
          if (!isLocale(e.target.value)) return;
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
