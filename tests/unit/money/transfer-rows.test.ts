import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseCsv } from "@/components/transfers/csv";
import {
  CSV_TEMPLATE,
  EMPTY_ROW,
  isPristine,
  rowsFromCsv,
  serverRowErrors,
  duplicateRows,
  validateRow,
} from "@/components/transfers/rows";

describe("transfers CSV", () => {
  it("reads quotes, doubled quotes, CRLF and semicolons", () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n1,2,3\n')).toEqual([
      ["a", "b,c", 'd "e"'],
      ["1", "2", "3"],
    ]);
    expect(parseCsv("amount;name\n5.000,50;Ana\n")).toEqual([
      ["amount", "name"],
      ["5.000,50", "Ana"],
    ]);
  });

  it("round-trips any table of quoted cells", () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => s.trim() !== "");
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (table) => {
          const width = table[0].length;
          const t = table.map((r) =>
            r.length >= width ? r.slice(0, width) : [...r, ...Array(width - r.length).fill("x")],
          );
          const text = t
            .map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))
            .join("\n");
          expect(parseCsv(text, ",")).toEqual(t);
        },
      ),
    );
  });

  it("maps the template to a valid row in minor units", () => {
    const { rows, error } = rowsFromCsv(CSV_TEMPLATE);
    expect(error).toBeNull();
    const v = validateRow(rows[0], new Set(["1007"]));
    expect(v.errors).toEqual({});
    expect(v.row?.amount).toBe(15_000_000);
    expect(v.row?.beneficiary.accountType).toBe("savings_account");
  });

  it("flags a bad account number and an unknown bank on their own cells", () => {
    const { rows } = rowsFromCsv(
      "amount,bank_code,account_number,name,document_number\n1000,9999,12AB,Ana,12345\n",
    );
    const v = validateRow(rows[0], new Set(["1007"]));
    expect(v.row).toBeNull();
    expect(Object.keys(v.errors).sort()).toEqual(["accountNumber", "bankCode"]);
  });

  it("maps server paths to rows and fields", () => {
    const account = {
      path: "/rows/2/beneficiary/accountNumber",
      message: "5 to 20 digits",
      code: "invalid_format",
      params: { format: "regex", text: "" },
      schema_message: true,
    };
    const reason = {
      path: "/rows/2/duplicateReason",
      message: "Required: same account and amount as row 1",
      code: "duplicate_of_row",
      params: { row: 1 },
    };
    const m = serverRowErrors([account, reason, { path: "/reason", message: "x" }]);
    // The whole field error is kept: the grid words it from its code and params.
    expect(m.get(2)).toEqual({ accountNumber: account, duplicateReason: reason });
    expect(m.size).toBe(1);
  });

  it("an empty row names each missing field in words, and is pristine until something is typed", () => {
    const v = validateRow({ ...EMPTY_ROW }, new Set(["1007"]));
    expect(v.row).toBeNull();
    expect(v.errors.name).toBe("Required");
    expect(Object.values(v.errors).join(" ")).not.toMatch(/too small|expected/i);
    expect(isPristine({ ...EMPTY_ROW })).toBe(true);
    expect(isPristine({ ...EMPTY_ROW, name: "Ana" })).toBe(false);
    expect(isPristine({ ...EMPTY_ROW, accountType: "checking_account" })).toBe(false);
  });
});

describe("transfer batch: rows that repeat an earlier row", () => {
  const row = (account: string, amount: number, bankCode = "1007") => ({
    amount,
    beneficiary: { bankCode, accountNumber: account },
  });

  it("flags a later row with the same account and amount, pointing at the first", () => {
    const flagged = duplicateRows([
      row("111111", 500),
      row("222222", 500),
      null, // a row that does not validate yet is not compared
      row("111111", 500),
      row("111111", 501),
      row("111111", 500, "1051"),
      row("111111", 500),
    ]);
    expect([...flagged]).toEqual([
      [3, 0],
      [6, 0],
    ]);
  });

  it("flags exactly the rows beyond the first of each (account, amount) group", () => {
    const arb = fc.array(
      fc.record({
        account: fc.constantFrom("1", "2", "3"),
        amount: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const flagged = duplicateRows(xs.map((x) => row(x.account, x.amount)));
        const groups = new Set(xs.map((x) => `${x.account}:${x.amount}`));
        expect(flagged.size).toBe(xs.length - groups.size);
        for (const [i, first] of flagged) {
          expect(first).toBeLessThan(i);
          expect(xs[first]).toEqual(xs[i]);
        }
      }),
    );
  });
});
