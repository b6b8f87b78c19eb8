import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { paramValues } from "@/lib/api/error-params";
import { CONSOLE_FIELD_CODES } from "@/lib/api/console-words";
import { fieldEnglish, fieldErrorMap, fieldIssue, ZOD_FIELD_CODES } from "@/lib/api/field-issue";
import { UNSTORABLE_WORDS, unstorableTextAt } from "@/lib/api/storable-text";
import { fieldErrors } from "@/lib/api/zod-errors";
import { GUARD_FIELD_CODES } from "@/lib/guard/refusal-words";
import type { TFieldError } from "@/lib/api/app-error";
import en from "@/messages/en/errors.json";
import es from "@/messages/es-CO/errors.json";
import { errorWords, type TWords } from "@/tests/support/error-words";

// Field errors of server-side validation: one mapping from a zod issue to a stable code and
// params. The browser words them from the catalogue (errors.fields.<code>); in English that reads
// exactly as the server's own message, and every code has words in both languages.

const words = (locale: "en" | "es-CO") => errorWords(locale, "fields");
const EN = words("en");
const ES = words("es-CO");

const ALL_CODES = [
  ...ZOD_FIELD_CODES,
  ...Object.keys(UNSTORABLE_WORDS),
  ...GUARD_FIELD_CODES,
  ...CONSOLE_FIELD_CODES,
];

/** The words of a field error in a language, as the browser renders them. */
function render(t: TWords, e: TFieldError): string {
  const values = paramValues(e.params);
  if (!values) throw new Error(`params of ${e.code} are not plain`);
  return t(e.code!, values);
}

/** Parses as the route wrapper does and returns the field errors. */
function errorsOf(schema: z.ZodType, input: unknown): TFieldError[] {
  const r = schema.safeParse(input, { error: fieldErrorMap, reportInput: true });
  if (r.success) throw new Error(`${JSON.stringify(input)} was accepted`);
  return fieldErrors(r.error);
}

function expectSameWords(e: TFieldError) {
  expect(e.schema_message, JSON.stringify(e)).toBeUndefined();
  expect(render(EN, e), JSON.stringify(e)).toBe(e.message);
  expect(render(ES, e).trim(), JSON.stringify(e)).not.toBe("");
}

describe("field error words", () => {
  it("every code has words in es-CO and en, and the catalogue no others", () => {
    for (const cat of [en.fields, es.fields])
      expect(Object.keys(cat).sort()).toEqual([...new Set(ALL_CODES)].sort());
  });

  const cases: [string, z.ZodType, unknown, string, Record<string, unknown>, string][] = [
    ["missing", z.object({ a: z.string() }), {}, "required", {}, "Required"],
    [
      "wrong type",
      z.object({ a: z.string() }),
      { a: 1 },
      "invalid_type",
      { expected: "string" },
      "Expected text",
    ],
    [
      "not whole",
      z.number().int(),
      1.5,
      "invalid_type",
      { expected: "int" },
      "Expected a whole number",
    ],
    ["null", z.boolean(), null, "invalid_type", { expected: "boolean" }, "Expected true or false"],
    ["long", z.string().max(3), "abcd", "too_long", { maximum: 3 }, "At most 3 characters"],
    ["one char", z.string().max(1), "ab", "too_long", { maximum: 1 }, "At most 1 character"],
    [
      "thousands",
      z.string().max(5000),
      "x".repeat(5001),
      "too_long",
      { maximum: 5000 },
      "At most 5,000 characters",
    ],
    ["short", z.string().min(3), "a", "too_short", { minimum: 3 }, "At least 3 characters"],
    ["exact", z.string().length(2), "abc", "exact_length", { length: 2 }, "Exactly 2 characters"],
    ["few", z.array(z.number()).min(2), [1], "too_few", { minimum: 2 }, "At least 2 items"],
    ["many", z.array(z.number()).max(1), [1, 2], "too_many", { maximum: 1 }, "At most 1 item"],
    [
      "big",
      z.number().max(1e15),
      1e16,
      "too_big",
      { maximum: 1e15, inclusive: "yes" },
      "At most 1,000,000,000,000,000",
    ],
    ["lt", z.number().lt(5), 5, "too_big", { maximum: 5, inclusive: "no" }, "Less than 5"],
    ["min", z.number().min(0), -1, "too_small", { minimum: 0, inclusive: "yes" }, "At least 0"],
    ["gt", z.number().gt(0), 0, "too_small", { minimum: 0, inclusive: "no" }, "More than 0"],
    [
      "huge bigint",
      z.bigint().max(2n ** 63n),
      2n ** 64n,
      "too_big",
      { maximum: "9223372036854775808", inclusive: "yes" },
      "At most 9,223,372,036,854,775,808",
    ],
    [
      "email",
      z.email(),
      "nope",
      "invalid_format",
      { format: "email", text: "" },
      "Invalid email address",
    ],
    ["uuid", z.uuid(), "nope", "invalid_format", { format: "uuid", text: "" }, "Not a UUID"],
    [
      "datetime",
      z.iso.datetime(),
      "nope",
      "invalid_format",
      { format: "datetime", text: "" },
      "Not an ISO 8601 date and time",
    ],
    [
      "regex",
      z.string().regex(/^\d+$/),
      "x",
      "invalid_format",
      { format: "regex", text: "" },
      "Not in the expected format",
    ],
    [
      "prefix",
      z.string().startsWith("op_"),
      "x",
      "invalid_format",
      { format: "starts_with", text: "op_" },
      "Must start with “op_”",
    ],
    [
      "multiple",
      z.number().multipleOf(5),
      7,
      "not_multiple_of",
      { divisor: 5 },
      "Must be a multiple of 5",
    ],
    [
      "unknown keys",
      z.strictObject({}),
      { x: 1, y: 2 },
      "unrecognized_keys",
      { keys: "x, y", count: 2 },
      "Unknown fields: x, y",
    ],
    [
      "unknown key",
      z.strictObject({}),
      { isAdmin: true },
      "unrecognized_keys",
      { keys: "isAdmin", count: 1 },
      "Unknown field: isAdmin",
    ],
    [
      "enum",
      z.enum(["savings", "checking"]),
      "x",
      "invalid_value",
      { options: "savings, checking", count: 2 },
      "Expected one of: savings, checking",
    ],
    ["literal", z.literal(1), 2, "invalid_value", { options: "1", count: 1 }, "Expected 1"],
    [
      "discriminator",
      z.discriminatedUnion("t", [z.object({ t: z.literal("a") }), z.object({ t: z.literal("b") })]),
      { t: "c" },
      "invalid_value",
      { options: "a, b", count: 2 },
      "Expected one of: a, b",
    ],
    [
      "union",
      z.union([z.string(), z.number()]),
      true,
      "invalid_union",
      {},
      "Not one of the accepted forms",
    ],
    [
      "record key",
      z.record(z.string().regex(/^a/), z.number()),
      { b: 1 },
      "invalid_key",
      {},
      "Invalid key",
    ],
    ["refine", z.string().refine(() => false), "x", "custom", {}, "Invalid value"],
    [
      "date",
      z.date().max(new Date(0)),
      new Date(1),
      "out_of_range",
      {},
      "Outside the allowed range",
    ],
  ];
  it.each(cases)("%s", (_name, schema, input, code, params, message) => {
    const [e] = errorsOf(schema, input);
    expect(e).toMatchObject({ code, params, message });
    expectSameWords(e);
  });

  it("keeps a schema's own words, marked as such, with the code and params", () => {
    const [e] = errorsOf(z.object({ b: z.string().regex(/^\d{4}$/, "A 4-digit bank code") }), {
      b: "1",
    });
    expect(e).toMatchObject({
      path: "/b",
      message: "A 4-digit bank code",
      code: "invalid_format",
      params: { format: "regex" },
      schema_message: true,
    });
  });

  it("a missing field without the input to tell reads as a wrong type (fieldErrors alone)", () => {
    const r = z.object({ a: z.string() }).safeParse({});
    if (r.success) throw new Error("accepted");
    expect(fieldIssue(r.error.issues[0]).code).toBe("invalid_type");
  });

  it("unstorable text has a code and the same words", () => {
    for (const s of ["a\u0000b", "x\ud800"]) {
      const e = unstorableTextAt({ a: s })!;
      expect(e.code).toBe(s.includes("\u0000") ? "nul_character" : "lone_surrogate");
      expectSameWords(e);
    }
  });

  it("lengths, counts and bounds of any size read the same (property-based)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("string", "array", "number"),
        fc.boolean(),
        (limit, kind, upper) => {
          const schema =
            kind === "string"
              ? upper
                ? z.string().max(limit)
                : z.string().min(limit + 1)
              : kind === "array"
                ? upper
                  ? z.array(z.number()).max(limit)
                  : z.array(z.number()).min(limit + 1)
                : upper
                  ? z.number().max(limit)
                  : z.number().min(limit);
          // Only what the check needs: a length or a value past the limit.
          const input =
            kind === "string"
              ? upper
                ? "x".repeat(limit + 1)
                : "x".repeat(limit)
              : kind === "array"
                ? upper
                  ? new Array(limit + 1).fill(0)
                  : new Array(limit).fill(0)
                : upper
                  ? limit + 0.5
                  : limit - 0.5;
          const [e] = errorsOf(schema, input);
          expectSameWords(e);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("every code's English is the catalogue's, for any params (property-based)", () => {
    const text = fc.string({ maxLength: 20 }).filter((s) => !/[{}'#<>]/.test(s));
    const count = fc.integer({ min: 0, max: 100_000 });
    const arb = fc.oneof(
      fc.record({
        code: fc.constant("invalid_type"),
        params: fc.record({
          expected: fc.constantFrom(
            "string",
            "number",
            "int",
            "bigint",
            "boolean",
            "array",
            "object",
            "date",
            "null",
            "tuple",
            "map",
          ),
        }),
      }),
      fc.record({
        code: fc.constantFrom("too_short", "too_few"),
        params: fc.record({ minimum: count }),
      }),
      fc.record({
        code: fc.constantFrom("too_long", "too_many"),
        params: fc.record({ maximum: count }),
      }),
      fc.record({ code: fc.constant("exact_length"), params: fc.record({ length: count }) }),
      fc.record({
        code: fc.constant("too_small"),
        params: fc.record({ minimum: count, inclusive: fc.constantFrom("yes", "no") }),
      }),
      fc.record({
        code: fc.constant("too_big"),
        params: fc.record({ maximum: count, inclusive: fc.constantFrom("yes", "no") }),
      }),
      fc.record({
        code: fc.constant("invalid_format"),
        params: fc.record({
          format: fc.constantFrom(
            "email",
            "url",
            "uuid",
            "datetime",
            "date",
            "regex",
            "starts_with",
            "ends_with",
            "includes",
            "cuid",
            "jwt",
          ),
          text,
        }),
      }),
      fc.record({ code: fc.constant("not_multiple_of"), params: fc.record({ divisor: count }) }),
      fc.record({
        code: fc.constantFrom("unrecognized_keys"),
        params: fc.record({ keys: text, count: fc.integer({ min: 1, max: 60 }) }),
      }),
      fc.record({
        code: fc.constant("invalid_value"),
        params: fc.record({ options: text, count: fc.integer({ min: 1, max: 60 }) }),
      }),
      fc.record({
        code: fc.constantFrom(
          "required",
          "invalid_union",
          "invalid_key",
          "invalid_element",
          "custom",
          "out_of_range",
        ),
        params: fc.constant({}),
      }),
    );
    fc.assert(
      fc.property(arb, ({ code, params }) => {
        const e = { path: "/x", code, params, message: fieldEnglish(code, params)! };
        expectSameWords(e);
      }),
    );
  });
});
