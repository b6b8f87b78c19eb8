"use client";

import { useTranslations } from "next-intl";
import { RANGE_KEYS, type TRange } from "@/lib/metrics/ranges";
import { cn } from "../ui/cn";
import type { TTimeZone } from "./time-format";

// Range buttons and the Bogotá/UTC toggle; the parent writes the choice into the URL.
export function RangeControls({
  range,
  tz,
  onRange,
  onTz,
}: {
  range: TRange;
  tz: TTimeZone;
  onRange: (r: TRange) => void;
  onTz: (tz: TTimeZone) => void;
}) {
  const t = useTranslations("charts");
  const seg = (active: boolean) =>
    cn(
      "px-2.5 py-1 text-xs font-medium",
      active ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50",
    );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div
        role="group"
        aria-label={t("range")}
        className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300"
      >
        {RANGE_KEYS.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={r === range}
            className={seg(r === range)}
            onClick={() => onRange(r)}
          >
            {r}
          </button>
        ))}
      </div>
      <div
        role="group"
        aria-label={t("timeZone")}
        className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300"
      >
        <button
          type="button"
          aria-pressed={tz === "bogota"}
          className={seg(tz === "bogota")}
          onClick={() => onTz("bogota")}
        >
          {t("zone.bogota")}
        </button>
        <button
          type="button"
          aria-pressed={tz === "utc"}
          className={seg(tz === "utc")}
          onClick={() => onTz("utc")}
        >
          {t("zone.utc")}
        </button>
      </div>
    </div>
  );
}
