import { readFileSync } from "node:fs";
import fc from "fast-check";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { ID_KIND_LABEL, NOT_AN_ID_REASONS, recogniseId } from "@/lib/search/recognise-id";

// The browser words a "not an id" answer from its code (search catalogue, reasons.<code>): in
// English that must read exactly as the API's own `reason`, and every code has words in both
// languages.
const reasons = (locale: string) =>
  (
    JSON.parse(readFileSync(`messages/${locale}/search.json`, "utf8")) as {
      reasons: Record<string, string>;
    }
  ).reasons;

function word(locale: string, r: Extract<ReturnType<typeof recogniseId>, { ok: false }>) {
  const values = {
    ...(r.params ?? {}),
    ...(r.looksLike ? { label: ID_KIND_LABEL[r.looksLike] } : {}),
  };
  return String(new IntlMessageFormat(reasons(locale)[r.code], locale).format(values));
}

describe("why a text is not an id", () => {
  it("every code has words in es-CO and en", () => {
    for (const locale of ["en", "es-CO"])
      expect(Object.keys(reasons(locale)).sort()).toEqual([...NOT_AN_ID_REASONS].sort());
  });

  const samples = [
    "",
    "x".repeat(300),
    "two words",
    "OP_abc",
    "op_",
    "op_abc$def",
    "op_short",
    "123e4567-e89b-12d3-a456-42661417400",
    "mops-nope",
    "¿qué?",
  ];
  it("reads in English exactly as the API's reason", () => {
    const codes = new Set<string>();
    for (const s of samples) {
      const r = recogniseId(s);
      if (r.ok) throw new Error(`${s} was recognised`);
      codes.add(r.code);
      expect(word("en", r)).toBe(r.reason);
      expect(word("es-CO", r)).not.toBe("");
    }
    expect([...codes].sort()).toEqual([...NOT_AN_ID_REASONS].sort());
  });

  it("for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = recogniseId(s);
        if (!r.ok && r.code !== "tooLong") expect(word("en", r)).toBe(r.reason);
      }),
    );
  });
});
