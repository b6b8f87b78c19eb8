import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffPayloads } from "@/lib/investigation/diff-payloads";

describe("diffPayloads", () => {
  it("lists every changed, added and removed field as a JSON pointer", () => {
    const a = {
      amount: { amount: 100, currency: "COP" },
      target: { account_number: "****1234", payee: { name: "Ana" } },
      gone: 1,
      list: [1, 2],
    };
    const b = {
      amount: { amount: 150, currency: "COP" },
      target: { account_number: "****9999", payee: { name: "Ana" } },
      extra: true,
      list: [1, 2, 3],
    };
    expect(diffPayloads(a, b)).toEqual([
      { path: "/amount/amount", change: "changed", before: 100, after: 150 },
      { path: "/extra", change: "added", after: true },
      { path: "/gone", change: "removed", before: 1 },
      { path: "/list/2", change: "added", after: 3 },
      { path: "/target/account_number", change: "changed", before: "****1234", after: "****9999" },
    ]);
  });

  it("escapes keys per RFC 6901 and treats type changes as changes", () => {
    expect(diffPayloads({ "a/b": 1, "c~d": null }, { "a/b": "1", "c~d": {} })).toEqual([
      { path: "/a~1b", change: "changed", before: 1, after: "1" },
      { path: "/c~0d", change: "changed", before: null, after: {} },
    ]);
  });

  it("is empty exactly when the two payloads are the same JSON (key order ignored)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const shuffled = JSON.parse(
          JSON.stringify(v, (_k, x) =>
            x && typeof x === "object" && !Array.isArray(x)
              ? Object.fromEntries(Object.entries(x).reverse())
              : x,
          ),
        );
        expect(diffPayloads(v, shuffled)).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        if (same) expect(diffPayloads(a, b)).toEqual([]);
        if (diffPayloads(a, b).length === 0) expect(canon(a)).toBe(canon(b));
      }),
    );
  });
});

function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x,
  );
}
