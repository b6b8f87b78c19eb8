import type { TCoded, TWordParams } from "@/lib/investigation/recovery-words";

type TTranslate = {
  (key: string, values?: TWordParams): string;
  has: (key: string) => boolean;
};

/**
 * Sentences the server writes in English beside their codes (lib/investigation/recovery-words.ts):
 * each one worded by the catalogue (`<subtree>.<code>`, with its values, passed through `adapt`
 * first) in the person's language, or the server's English when the catalogue lacks the code.
 */
export function wordsOf(
  t: TTranslate,
  subtree: string,
  english: string[],
  codes: TCoded[] | undefined,
  adapt: (params: TWordParams) => TWordParams = (p) => p,
): string[] {
  return english.map((text, i) => {
    const c = codes?.[i];
    const key = c ? `${subtree}.${c.code}` : null;
    return c && key && t.has(key) ? t(key, adapt(c.params)) : text;
  });
}
