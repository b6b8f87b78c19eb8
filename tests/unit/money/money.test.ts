import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatCop, minorToPesosInput } from "@/components/money/format";
import { parsePesos } from "@/components/money/parse";

const MAX = 10 ** 13;
const minorArb = fc.integer({ min: 1, max: MAX });

describe("parsePesos", () => {
  it.each([
    ["5000000", 500_000_000],
    ["5.000.000", 500_000_000],
    ["5.000.000,50", 500_000_050],
    ["5000000,5", 500_000_050],
    ["5000000.50", 500_000_050],
    ["$ 5.000.000", 500_000_000],
    ["1.234,56 COP", 123_456],
    ["0,01", 1],
    ["1.000.000,01", 100_000_001],
  ])("%s → %d cents", (input, minor) => {
    expect(parsePesos(input)).toEqual({ ok: true, minor });
  });

  it.each([
    "",
    "abc",
    "-5",
    "0",
    "0,00",
    "5,000,000",
    "5.00.000",
    "1,234",
    "1,2,3",
    "5.000.000.5",
    "100000000001",
  ])("refuses %j", (input) => {
    expect(parsePesos(input).ok).toBe(false);
  });

  it("reads back exactly what minorToPesosInput writes, for every amount", () => {
    fc.assert(
      fc.property(minorArb, (m) => {
        expect(parsePesos(minorToPesosInput(m))).toEqual({ ok: true, minor: m });
      }),
    );
  });

  it("reads back what formatCop shows (sign and spaces included)", () => {
    fc.assert(
      fc.property(minorArb, (m) => {
        expect(parsePesos(formatCop(m))).toEqual({ ok: true, minor: m });
      }),
    );
  });

  it("plain digits with up to two decimals are exact (no float rounding)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 99_999_999_999n }),
        fc.integer({ min: 0, max: 99 }),
        (pesos, cents) => {
          fc.pre(pesos > 0n || cents > 0);
          const typed = `${pesos},${String(cents).padStart(2, "0")}`;
          expect(parsePesos(typed)).toEqual({
            ok: true,
            minor: Number(pesos * 100n + BigInt(cents)),
          });
        },
      ),
    );
  });

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.string(), (s) => void parsePesos(s)));
  });
});

describe("formatCop", () => {
  it("formats es-CO with dots for thousands and a comma for cents", () => {
    expect(formatCop(500_000_000)).toBe("$ 5.000.000");
    expect(formatCop(500_000_050)).toBe("$ 5.000.000,50");
    expect(formatCop(5)).toBe("$ 0,05");
    expect(formatCop(-123_456)).toBe("-$ 1.234,56");
    expect(formatCop(10n ** 15n)).toBe("$ 10.000.000.000.000");
  });

  it("keeps every cent of large amounts (BigInt path)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), (m) => {
        const digits = formatCop(m).replace(/[^\d]/g, "");
        expect(BigInt(digits) * (m % 100n === 0n ? 100n : 1n)).toBe(m);
      }),
    );
  });
});
