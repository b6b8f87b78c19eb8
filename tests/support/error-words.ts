import fc from "fast-check";
import { createTranslator } from "use-intl/core";
import { expect } from "vitest";
import type { TDetailWords, TFieldError } from "@/lib/api/app-error";
import { paramValues } from "@/lib/api/error-params";
import en from "@/messages/en/errors.json";
import es from "@/messages/es-CO/errors.json";

// The browser's words for coded errors (errors.details.<code>, errors.fields.<code>), rendered as
// next-intl renders them, for the tests that hold them equal to the server's English.
export type TWords = (key: string, values?: Record<string, string | number>) => string;
export const errorWords = (locale: "en" | "es-CO", namespace: "details" | "fields"): TWords =>
  createTranslator({
    locale,
    messages: locale === "en" ? en : es,
    namespace,
  }) as unknown as TWords;

/** English catalogue words == the server's English; Spanish words exist. Returns the Spanish. */
export function expectSameWords(
  namespace: "details" | "fields",
  code: string,
  params: unknown,
  english: string,
): string {
  const values = paramValues(params);
  expect(values, code).not.toBeNull();
  expect(errorWords("en", namespace)(code, values!), code).toBe(english);
  const spanish = errorWords("es-CO", namespace)(code, values!);
  expect(spanish.trim(), code).not.toBe("");
  expect(spanish, code).not.toContain(`${namespace}.`); // not the missing-message fallback
  return spanish;
}
export const detailSame = (d: TDetailWords) =>
  expectSameWords("details", d.code, d.params, d.english);
export const fieldSame = (e: TFieldError) =>
  expectSameWords("fields", e.code!, e.params, e.message);

/**
 * detailSame for every code: with params drawn from its arbitrary (40 runs), or with none when
 * the code takes none.
 */
export function expectEveryCodeSame<C extends string>(
  codes: readonly C[],
  params: Partial<Record<C, fc.Arbitrary<Record<string, unknown>>>>,
  wordsOf: (code: C, p: Record<string, unknown>) => TDetailWords,
): void {
  for (const code of codes) {
    const arb = params[code];
    if (!arb) {
      detailSame(wordsOf(code, {}));
      continue;
    }
    fc.assert(
      fc.property(arb, (p) => {
        detailSame(wordsOf(code, p));
      }),
      { numRuns: 40 },
    );
  }
}
