import type { TLocale } from "@/i18n/locales";

// The one set of formatters (docs/I18N.md): dates and times, durations, money, numbers and
// percentages, in the person's language. Times are Bogotá's unless the person chose UTC. Pure
// functions of their inputs, so server and browser print the same text.

export type TTimeZone = "America/Bogota" | "UTC";
export type TFormatContext = { locale: TLocale; timeZone?: TTimeZone };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(locale: TLocale, timeZone: TTimeZone, o: Intl.DateTimeFormatOptions) {
  const key = `d|${locale}|${timeZone}|${JSON.stringify(o)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, { ...o, timeZone })));
  return f;
}
function nf(locale: TLocale, o: Intl.NumberFormatOptions) {
  const key = `n|${locale}|${JSON.stringify(o)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, o)));
  return f;
}
// Intl separates some parts with narrow or plain no-break spaces; text on screen and in files uses
// plain spaces so it can be searched and compared.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** "5/12/2026, 2:25:31 p. m. COT" (es-CO) · "12/5/2026, 2:25:31 PM COT" (en); "—" for none. */
export function formatDateTime(v: string | Date | null | undefined, c: TFormatContext): string {
  if (v === null || v === undefined) return "—";
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return "—";
  const zone = c.timeZone ?? "America/Bogota";
  const text = dtf(c.locale, zone, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  }).format(d);
  return plain(`${text} ${zone === "UTC" ? "UTC" : "COT"}`);
}

/** The day alone: "5/12/2026" (es-CO) · "12/5/2026" (en). */
export function formatDate(v: string | Date | null | undefined, c: TFormatContext): string {
  if (v === null || v === undefined) return "—";
  const d = toDate(v);
  if (Number.isNaN(d.getTime())) return "—";
  return plain(
    dtf(c.locale, c.timeZone ?? "America/Bogota", {
      year: "numeric",
      month: "numeric",
      day: "numeric",
    }).format(d),
  );
}

/** The time of day alone, for chart axes: "14:25" in both languages (24 h reads unambiguously). */
export function formatTimeOfDay(v: string | Date | number, c: TFormatContext): string {
  const d = typeof v === "number" ? new Date(v) : toDate(v);
  return plain(
    dtf(c.locale, c.timeZone ?? "America/Bogota", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(d),
  );
}

const UNITS: [unit: "day" | "hour" | "minute" | "second", ms: number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1_000],
];

/**
 * A length of time as a person says it: "850 ms", "2,5 s", "3 min 20 s", "5 h 10 min",
 * "3.244 días" / "3,244 days". Two units at most; negative durations are shown as zero.
 */
export function formatDuration(ms: number | null | undefined, c: TFormatContext): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const v = Math.max(0, ms);
  if (v < 1_000)
    return plain(
      nf(c.locale, { style: "unit", unit: "millisecond", maximumFractionDigits: 0 }).format(v),
    );
  if (v < 60_000)
    return plain(
      nf(c.locale, { style: "unit", unit: "second", maximumFractionDigits: 1 }).format(v / 1000),
    );
  if (v >= 2 * 86_400_000)
    return plain(
      nf(c.locale, {
        style: "unit",
        unit: "day",
        unitDisplay: "long",
        maximumFractionDigits: 0,
      }).format(Math.floor(v / 86_400_000)),
    );
  const i = UNITS.findIndex(([, size]) => v >= size);
  const [u1, s1] = UNITS[i];
  const [u2, s2] = UNITS[i + 1];
  const a = Math.floor(v / s1);
  const b = Math.floor((v - a * s1) / s2);
  const part = (n: number, unit: string) =>
    nf(c.locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 0 }).format(n);
  return plain(b ? `${part(a, u1)} ${part(b, u2)}` : part(a, u1));
}

/**
 * Money from integer minor units, written the Colombian way in both languages: "$ 1.000.000,01".
 * The staff, their banks and their statements write pesos this way; one spelling of an amount on
 * every screen means a decimal point is never misread as a thousands separator (docs/I18N.md).
 * The whole units go through Intl as a BigInt (exact at any size); the cents are appended as
 * digits, never divided as a float. Other currencies show their ISO code.
 */
export function formatMoney(
  minor: number | bigint,
  c: Partial<TFormatContext> & { currency?: string } = {},
): string {
  const m = BigInt(minor);
  const negative = m < 0n;
  const abs = negative ? -m : m;
  const whole = abs / 100n;
  const cents = abs % 100n;
  const currency = c.currency ?? "COP";
  const f = nf("es-CO", {
    style: "currency",
    currency,
    currencyDisplay: currency === "COP" ? "symbol" : "code",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  });
  const text = plain(f.format(whole));
  const body = cents === 0n ? text : `${text},${cents.toString().padStart(2, "0")}`;
  return negative ? `-${body}` : body;
}

/** A count or plain number: "84.974.510" (es-CO) · "84,974,510" (en). */
export function formatNumber(n: number | bigint, c: TFormatContext, maxFractionDigits = 0): string {
  return plain(nf(c.locale, { maximumFractionDigits: maxFractionDigits }).format(n));
}

/** A ratio as a percentage: 0.0123 → "1,23 %" (es-CO) · "1.23%" (en). */
export function formatPercent(ratio: number, c: TFormatContext, maxFractionDigits = 2): string {
  if (!Number.isFinite(ratio)) return "—";
  return plain(
    nf(c.locale, { style: "percent", maximumFractionDigits: maxFractionDigits }).format(ratio),
  );
}
