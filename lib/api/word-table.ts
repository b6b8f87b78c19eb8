import type { TFieldError } from "./app-error";
import type { TParams } from "./error-params";

// One mechanism for every server-written sentence that the browser words in the person's language
// (docs/I18N.md "Words the server writes"): a table of codes, each with the function that writes
// its English from its params. The codes are the table's keys, and `words(code, params)` gives
// the code, the params and the English together, so nothing lists a code twice. Pure module.

/** A sentence as the server sends it: stable code + params beside its English. */
export type TWords<C extends string = string> = { code: C; params: TParams; english: string };

type TWriter = (p: never) => string;
/** A code's params argument: none for a sentence without values (an empty object is accepted). */
export type TWordArgs<F> = F extends () => string
  ? [] | [Record<string, never>]
  : F extends (p: infer P) => string
    ? [P]
    : never;

export function wordTable<T extends Record<string, TWriter>>(table: T) {
  type C = Extract<keyof T, string>;
  const write = (code: string, params: unknown) =>
    (table[code as C] as unknown as (p: unknown) => string)(params);
  return {
    codes: Object.keys(table) as C[],
    /** The code's params and English. */
    words<K extends C>(code: K, ...args: TWordArgs<T[K]>): TWords<K> {
      const params = (args[0] ?? {}) as TParams;
      return { code, params, english: write(code, params) };
    },
    /** A field error at `path` (a JSON pointer) worded by the code. */
    fieldError<K extends C>(path: string, code: K, ...args: TWordArgs<T[K]>): TFieldError {
      const params = (args[0] ?? {}) as TParams;
      return { path, message: write(code, params), code, params };
    },
    /** The English of a code of this table with loose params; null for another table's code. */
    english(code: string, params: Record<string, unknown>): string | null {
      return Object.hasOwn(table, code) ? write(code, params) : null;
    },
  };
}
