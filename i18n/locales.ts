// The console's languages (docs/I18N.md). Spanish (Colombia) first: the staff work in Colombia.
export const LOCALES = ["es-CO", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "es-CO";
/** The cookie that holds a person's pick; without it the browser's Accept-Language decides. */
export const LOCALE_COOKIE = "locale";
export const LOCALE_NAMES: Record<TLocale, string> = {
  "es-CO": "Español (Colombia)",
  en: "English",
};

export function isLocale(v: unknown): v is TLocale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/**
 * The language of a request: the person's pick (cookie) when it is one we have; else the first
 * language of Accept-Language (by q-value) that we speak — any Spanish is es-CO, any English is
 * en; else es-CO.
 */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): TLocale {
  if (isLocale(cookie)) return cookie;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const weight = q ? Number(q[1]) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of wanted) {
    const base = tag.split("-")[0];
    if (base === "es") return "es-CO";
    if (base === "en") return "en";
  }
  return DEFAULT_LOCALE;
}

/** The language of an API request, as the pages pick it: the cookie, then Accept-Language. */
export function localeOfRequest(req: {
  cookies: { get(name: string): { value: string } | undefined };
  headers: { get(name: string): string | null };
}): TLocale {
  return pickLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get("accept-language"));
}
