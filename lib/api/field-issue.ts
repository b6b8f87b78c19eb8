import type { z } from "zod";
import { CONSOLE_FIELD_CODES, consoleFieldEnglish, type TConsoleFieldCode } from "./console-words";
import { wordTable } from "./word-table";
import { enNumber, type TParams } from "./error-params";

// A field error's stable code and params, from a zod issue: one mapping for every route's body,
// query and path (docs/ARCHITECTURE.md "One error shape"). The English sentence of each code is
// the server's message when the schema has no words of its own; the browser shows the catalogue's
// sentence (errors.fields.<code>), whose English is the same text (tests/unit/api/field-words.test.ts).
// Pure module.

/** The codes of field errors that zod issues map to. */

// A zod issue as the error map sees it (before the message) and as the error carries it after.
type TIssue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const MAX_LISTED = 10;
const list = (xs: readonly unknown[]) =>
  xs
    .slice(0, MAX_LISTED)
    .map((x) => (typeof x === "string" ? x : typeof x === "bigint" ? `${x}` : JSON.stringify(x)))
    .join(", ") + (xs.length > MAX_LISTED ? ", …" : "");

// A bound as a param: a number, or decimal text for a bigint past 2^53 (both written as numbers).
function bound(v: number | bigint): number | string {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

/** The code and params of a zod issue (the input is used only to tell "missing" from "wrong"). */
export function fieldIssue(issue: TIssue): { code: string; params: TParams } {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined && "input" in issue
        ? { code: "required", params: {} }
        : { code: "invalid_type", params: { expected: String(issue.expected) } };
    case "too_small":
    case "too_big": {
      const big = issue.code === "too_big";
      // JSON holds no dates (times are ISO text, checked by format): a date bound is not worded.
      if (issue.origin === "date") return { code: "out_of_range", params: {} };
      const limit = bound(big ? issue.maximum : issue.minimum);
      const key = big ? "maximum" : "minimum";
      if (issue.origin === "string") {
        if (issue.exact) return { code: "exact_length", params: { length: limit } };
        return { code: big ? "too_long" : "too_short", params: { [key]: limit } };
      }
      if (issue.origin === "array" || issue.origin === "set")
        return { code: big ? "too_many" : "too_few", params: { [key]: limit } };
      return {
        code: issue.code,
        params: { [key]: limit, inclusive: issue.inclusive === false ? "no" : "yes" },
      };
    }
    case "invalid_format": {
      const i = issue as { prefix?: string; suffix?: string; includes?: string };
      return {
        code: "invalid_format",
        params: { format: String(issue.format), text: i.prefix ?? i.suffix ?? i.includes ?? "" },
      };
    }
    case "not_multiple_of":
      return { code: "not_multiple_of", params: { divisor: Number(issue.divisor) } };
    case "unrecognized_keys":
      return {
        code: "unrecognized_keys",
        params: { keys: list(issue.keys), count: issue.keys.length },
      };
    case "invalid_value":
      return {
        code: "invalid_value",
        params: { options: list(issue.values), count: issue.values.length },
      };
    case "invalid_union": {
      // A discriminated union's unknown discriminator: the allowed values, as for an enum.
      const options = (issue as { options?: unknown[] }).options;
      return options?.length
        ? { code: "invalid_value", params: { options: list(options), count: options.length } }
        : { code: "invalid_union", params: {} };
    }
    case "custom": {
      // A rule the schema words with a code of its own (`wordedRule`).
      const { field_code, ...params } = ((issue as { params?: Record<string, unknown> }).params ??
        {}) as { field_code?: unknown } & TParams;
      return typeof field_code === "string" &&
        (CONSOLE_FIELD_CODES as string[]).includes(field_code)
        ? { code: field_code, params }
        : { code: "custom", params: {} };
    }
    case "invalid_key":
    case "invalid_element":
      return { code: issue.code, params: {} };
    default:
      return { code: String((issue as { code?: unknown }).code ?? "custom"), params: {} };
  }
}

const str = (v: unknown) => (typeof v === "number" || typeof v === "string" ? v : String(v));
const n = (v: unknown) => enNumber(str(v));
// The English catalogue's plural: "one" is exactly 1.
const plural = (count: unknown, one: string, other: string) => (count === 1 ? one : other);

const EXPECTED: Record<string, string> = {
  string: "Expected text",
  number: "Expected a number",
  int: "Expected a whole number",
  bigint: "Expected a whole number",
  boolean: "Expected true or false",
  array: "Expected a list",
  object: "Expected an object",
  date: "Expected a date",
  null: "Expected null",
};

const FORMAT: Record<string, (text: string) => string> = {
  email: () => "Invalid email address",
  url: () => "Not a URL",
  uuid: () => "Not a UUID",
  datetime: () => "Not an ISO 8601 date and time",
  date: () => "Not an ISO 8601 date",
  starts_with: (t) => `Must start with “${t}”`,
  ends_with: (t) => `Must end with “${t}”`,
  includes: (t) => `Must include “${t}”`,
};

/** The English of each zod field code from its params. */
const ZOD_FIELD_WORDS = {
  required: () => "Required",
  invalid_type: (p: TParams) => EXPECTED[String(p.expected)] ?? `Expected ${str(p.expected)}`,
  too_short: (p: TParams) =>
    plural(p.minimum, `At least ${n(p.minimum)} character`, `At least ${n(p.minimum)} characters`),
  too_long: (p: TParams) =>
    plural(p.maximum, `At most ${n(p.maximum)} character`, `At most ${n(p.maximum)} characters`),
  exact_length: (p: TParams) =>
    plural(p.length, `Exactly ${n(p.length)} character`, `Exactly ${n(p.length)} characters`),
  too_few: (p: TParams) =>
    plural(p.minimum, `At least ${n(p.minimum)} item`, `At least ${n(p.minimum)} items`),
  too_many: (p: TParams) =>
    plural(p.maximum, `At most ${n(p.maximum)} item`, `At most ${n(p.maximum)} items`),
  too_small: (p: TParams) =>
    p.inclusive === "yes" ? `At least ${n(p.minimum)}` : `More than ${n(p.minimum)}`,
  too_big: (p: TParams) =>
    p.inclusive === "yes" ? `At most ${n(p.maximum)}` : `Less than ${n(p.maximum)}`,
  out_of_range: () => "Outside the allowed range",
  invalid_format: (p: TParams) =>
    (FORMAT[String(p.format)] ?? (() => "Not in the expected format"))(String(p.text)),
  not_multiple_of: (p: TParams) => `Must be a multiple of ${n(p.divisor)}`,
  unrecognized_keys: (p: TParams) =>
    plural(p.count, `Unknown field: ${str(p.keys)}`, `Unknown fields: ${str(p.keys)}`),
  invalid_value: (p: TParams) =>
    plural(p.count, `Expected ${str(p.options)}`, `Expected one of: ${str(p.options)}`),
  invalid_union: () => "Not one of the accepted forms",
  invalid_key: () => "Invalid key",
  invalid_element: () => "Invalid element",
  custom: () => "Invalid value",
};
const zodFields = wordTable(ZOD_FIELD_WORDS);
export const ZOD_FIELD_CODES = zodFields.codes;
export type TZodFieldCode = (typeof ZOD_FIELD_CODES)[number];

/** The server's English for a field code and its params; null for a code it has no words for. */
export function fieldEnglish(code: string, p: TParams): string | null {
  return zodFields.english(code, p) ?? consoleFieldEnglish(code, p);
}

/**
 * The options of a refinement (or a `ctx.addIssue`) whose rule has a field code of its own
 * (lib/api/console-words.ts): the code's English as the message, the code and params carried in
 * the issue, so the field error has them (`.refine(ok, wordedRule("say_why", { minimum: 5 }))`).
 */
export function wordedRule(
  code: TConsoleFieldCode,
  params: TParams,
): { message: string; params: TParams & { field_code: string } } {
  return { message: consoleFieldEnglish(code, params)!, params: { ...params, field_code: code } };
}

/**
 * The error map the route wrapper parses with: an issue the schema did not word itself gets the
 * English of its code (zod asks this map only then: a schema's own message wins).
 */
export const fieldErrorMap: z.core.$ZodErrorMap = (issue) => {
  const { code, params } = fieldIssue(issue);
  return fieldEnglish(code, params) ?? undefined;
};
