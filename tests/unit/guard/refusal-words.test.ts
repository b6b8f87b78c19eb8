import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONSOLE_DETAIL_CODES } from "@/lib/api/console-words";
import { API_DETAIL_CODES, invalidInputWords } from "@/lib/api/detail-words";
import { moneyParam } from "@/lib/api/error-params";
import {
  GUARD_FIELD_CODES,
  REFUSAL_CODES,
  guardFieldError,
  refusal,
  type TRefusalCode,
} from "@/lib/guard/refusal-words";
import en from "@/messages/en/errors.json";
import es from "@/messages/es-CO/errors.json";
import { detailSame, fieldSame } from "@/tests/support/error-words";

// The guard's refusals carry a stable code and params beside their English detail (amounts as
// minor units + currency). The browser words them from the catalogue (errors.details.<code>,
// errors.fields.<code>): in English that reads exactly as the server's detail, amounts written
// the same way on both sides, and every code has words in both languages.

const minor = fc.bigInt({ min: 0n, max: 10n ** 15n });
const money = minor.map((m) => moneyParam(m));
const hours = fc.integer({ min: 1, max: 24 * 7 });

const arbitraries: { [C in TRefusalCode]: fc.Arbitrary<Parameters<typeof refusal<C>>[1]> } = {
  amount_over_limit: fc.record({ amount: money, max: money }),
  insufficient_balance: fc.record({ available: money, required: money, shortfall: money }),
  daily_cap_exceeded: fc.record({ cap: money, used: money, remaining: money }),
  duplicate_suspected: fc.record({ hours }),
  duplicate_rows_suspected: fc.record({ rows: fc.integer({ min: 1, max: 1000 }), hours }),
  policy_changed: fc.record({ version: fc.integer({ min: 0, max: 1_000_000 }) }),
};

describe("the guard's refusal words", () => {
  it("every detail code has words in es-CO and en, and the catalogue no others", () => {
    // The console's own details (lib/api/console-words.ts) are held equal in console-words.test.ts,
    // the route wrapper's (lib/api/detail-words.ts) in detail-words.test.ts.
    const codes = [...REFUSAL_CODES, ...API_DETAIL_CODES, ...CONSOLE_DETAIL_CODES].sort();
    expect(Object.keys(en.details).sort()).toEqual(codes);
    expect(Object.keys(es.details).sort()).toEqual(codes);
    for (const code of GUARD_FIELD_CODES) {
      expect(en.fields).toHaveProperty(code);
      expect(es.fields).toHaveProperty(code);
    }
  });

  it("reads in English exactly as the server's detail, for every refusal", () => {
    const d = refusal("insufficient_balance", {
      available: moneyParam(100_000_050n),
      required: moneyParam(250_000_000n),
      shortfall: moneyParam(149_999_950n),
    });
    expect(d.english).toBe(
      "The source account cannot cover this amount plus fees: $ 2.500.000 needed, $ 1.000.000,50 available ($ 1.499.999,50 short)",
    );
    expect(detailSame(d)).toBe(
      "La cuenta de origen no cubre este monto más las comisiones: se necesitan $ 2.500.000 y hay $ 1.000.000,50 disponibles (faltan $ 1.499.999,50)",
    );
    for (const code of REFUSAL_CODES)
      fc.assert(
        fc.property(arbitraries[code] as fc.Arbitrary<never>, (params) => {
          detailSame(refusal(code, params));
        }),
        { numRuns: 50 },
      );
  });

  it("one row and many rows", () => {
    expect(refusal("duplicate_rows_suspected", { rows: 1, hours: 24 }).english).toMatch(
      /^1 row pays an account/,
    );
    const many = refusal("duplicate_rows_suspected", { rows: 1000, hours: 24 });
    expect(many.english).toMatch(/^1,000 rows pay an account/);
    expect(detailSame(many)).toMatch(/^1\.000 filas pagan/);
  });

  it("the guard's field errors read the same", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 1000 }), (m, row) => {
        fieldSame(guardFieldError("/amount", "amount_over_limit", { max: m }));
        fieldSame(guardFieldError("/amount", "insufficient_balance", { shortfall: m }));
        fieldSame(guardFieldError("/amount", "daily_cap_exceeded", { remaining: m }));
        fieldSame(guardFieldError("/rows/1/duplicateReason", "duplicate_of_row", { row }));
        fieldSame(guardFieldError("/duplicateReason", "duplicate_suspected", {}));
      }),
      { numRuns: 50 },
    );
    // The integration tests read the row in the English message.
    expect(guardFieldError("/r", "duplicate_of_row", { row: 1 }).message).toMatch(/row 1$/);
  });

  it("the route wrapper's validation detail reads the same", () => {
    for (const where of ["path", "query", "body"] as const) detailSame(invalidInputWords(where));
    expect(invalidInputWords("body").english).toBe("The request body is invalid");
  });
});
