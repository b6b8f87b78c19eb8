"use client";

import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { TLocale } from "@/i18n/locales";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTimeOfDay,
  type TTimeZone,
} from "@/lib/format/format";

/**
 * The formatters bound to the person's language (and a time zone: Bogotá unless a view offers the
 * UTC toggle and it is on). Every amount, date, duration, percentage and rail name on screen goes
 * through these.
 */
export function useFormat(timeZone: TTimeZone = "America/Bogota") {
  const locale = useLocale() as TLocale;
  const t = useTranslations("format");
  return useMemo(() => {
    const c = { locale, timeZone };
    return {
      locale,
      when: (v: string | Date | null | undefined) => formatDateTime(v, c),
      date: (v: string | Date | null | undefined) => formatDate(v, c),
      timeOfDay: (v: string | Date | number) => formatTimeOfDay(v, c),
      duration: (ms: number | null | undefined) => formatDuration(ms, c),
      money: (minor: number | bigint, currency = "COP") => formatMoney(minor, { ...c, currency }),
      number: (n: number | bigint, digits = 0) => formatNumber(n, c, digits),
      percent: (ratio: number, digits = 2) => formatPercent(ratio, c, digits),
      /** "ACH · mismo día hábil" for co_ach; an unknown code is shown as it is. */
      rail: (code: string) => (t.has(`rails.${code}`) ? t(`rails.${code}`) : code),
    };
  }, [locale, timeZone, t]);
}
