import { createParser, type SingleParserBuilder } from "nuqs";
import type { z } from "zod";

// nuqs parsers built from the zod filter schemas the API parses (lib/**/list-*.ts): one key each,
// parsed by that key's own schema, so the browser and the server agree on every value. A value
// the schema refuses reads as absent (the key's default, if it has one), never as an error.

/** How a parsed value is written back into the URL: the string the schema parses into it. */
export function serializeValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(serializeValue).join(",");
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

type TObject = z.ZodObject<z.ZodRawShape>;
export type TParsers<S extends TObject, K extends keyof z.output<S> & string> = {
  [P in K]: SingleParserBuilder<NonNullable<z.output<S>[P]>>;
};

export function parserFor<T>(field: z.ZodType): SingleParserBuilder<T> {
  return createParser<T>({
    parse: (raw: string) => {
      const r = field.safeParse(raw);
      return r.success && r.data !== undefined && r.data !== null ? (r.data as T) : null;
    },
    serialize: (v: T) => serializeValue(v),
    eq: (a: T, b: T) => serializeValue(a) === serializeValue(b),
  });
}

/** The default a key's schema gives when the key is absent (e.g. range "24h"), if any. */
export function defaultOf(field: z.ZodType): unknown {
  const r = field.safeParse(undefined);
  return r.success ? r.data : undefined;
}

export function parsersFromSchema<S extends TObject, K extends keyof z.output<S> & string>(
  schema: S,
  keys: readonly K[],
): TParsers<S, K> {
  return Object.fromEntries(
    keys.map((k) => {
      const field = schema.shape[k] as z.ZodType;
      const p = parserFor(field);
      const d = defaultOf(field);
      return [k, d === undefined ? p : p.withDefault(d as never)];
    }),
  ) as TParsers<S, K>;
}

/** Parsed filters back to the strings of a query string (what the API parses again). */
export function toQueryStrings(f: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f))
    if (v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0))
      out[k] = serializeValue(v);
  return out;
}
