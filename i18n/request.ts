import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "./locales";
import { loadMessages } from "./messages";

// next-intl's per-request configuration (no locale in the URL: a permalink is the same for
// everyone). The language is the person's pick, else the browser's, else es-CO; times are shown
// in Bogotá unless the person switches the console to UTC.
export default getRequestConfig(async () => {
  const locale = pickLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
  );
  return { locale, messages: await loadMessages(locale), timeZone: "America/Bogota" };
});
