import type { TLocale } from "./locales";
import { NAMESPACES } from "./namespaces";

export type TMessages = Record<string, Record<string, unknown>>;

/** Every namespace of one language, as next-intl takes them ({ namespace: { key: message } }). */
export async function loadMessages(locale: TLocale): Promise<TMessages> {
  const entries = await Promise.all(
    NAMESPACES.map(
      async (ns) =>
        [
          ns,
          (await import(`../messages/${locale}/${ns}.json`)).default as Record<string, unknown>,
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}
