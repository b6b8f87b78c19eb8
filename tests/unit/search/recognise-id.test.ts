import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ID_KINDS, MAX_QUERY_LENGTH, recogniseId, type TIdKind } from "@/lib/search/recognise-id";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".split("");
const b62 = (n: number) =>
  fc.array(fc.constantFrom(...B62), { minLength: n, maxLength: n }).map((a) => a.join(""));

// One generator per kind, producing ids shaped exactly as the console and Mono mint them.
const GENERATORS: Record<TIdKind, fc.Arbitrary<string>> = {
  request_id: b62(27).map((s) => `req_${s}`),
  mono_log_id: fc
    .integer({ min: 1, max: 60 })
    .chain(b62)
    .map((s) => `log_${s}`),
  idempotency_key: fc.uuid().filter((u) => /^[0-9a-f-]{36}$/i.test(u)),
  operation_id: b62(22).map((s) => `op_${s}`),
  transfer_id: b62(22).map((s) => `trn_${s}`),
  batch_id: b62(22).map((s) => `bat_${s}`),
  payout_id: b62(22).map((s) => `cpout_${s}`),
  account_id: b62(22).map((s) => `acc_${s}`),
  ledger_account_id: b62(22).map((s) => `lacc_${s}`),
  external_id: fc
    .tuple(b62(22), fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }))
    .map(([s, row]) => `mops-op_${s}${row ? `-${row}` : ""}`),
  reference: fc
    .tuple(
      fc.constantFrom("TCK", "ZD", "INC", "case", "SUP"),
      fc.constantFrom("-", "#", ":", "/", ""),
      fc.integer({ min: 1, max: 99_999_999 }),
    )
    .map(([p, sep, n]) => `${p}${sep}${n}`),
  document_number: fc
    .tuple(fc.constantFrom("CC", "CE", "NIT", "PP", "cc", "nit"), fc.constantFrom(" ", ": ", ":"))
    .chain(([t, sep]) => fc.integer({ min: 1000, max: 999_999_999 }).map((n) => `${t}${sep}${n}`)),
  bank_account_tail: fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 9999 }))
    .map(([b, t]) => `${b} ${String(t).padStart(4, "0")}`),
  email: fc.emailAddress().filter((e) => /\.[A-Za-z]{2,}$/.test(e) && !/["'<>]/.test(e)),
  breb_key: b62(8).map((s) => `@${s}`),
};

describe("recogniseId", () => {
  it("has a generator for every kind", () => {
    expect(Object.keys(GENERATORS).sort()).toEqual([...ID_KINDS].sort());
  });

  for (const kind of ID_KINDS) {
    it(`recognises every generated ${kind}`, () => {
      fc.assert(
        fc.property(GENERATORS[kind], fc.constantFrom("", " ", "\t", '"', "`"), (id, wrap) => {
          const r = recogniseId(`${wrap}${id}${wrap}`);
          expect(r).toMatchObject({ ok: true, kind });
        }),
        { numRuns: 300 },
      );
    });
  }

  it("never throws on arbitrary input, and always says why when it refuses", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: "grapheme", maxLength: 80 }),
          fc.string({ unit: "binary", maxLength: 80 }),
        ),
        (s) => {
          const r = recogniseId(s);
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
          else expect(ID_KINDS).toContain(r.kind);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("a known prefix with a damaged body is malformed, labelled with what it looks like", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("op_", "trn_", "bat_", "cpout_", "acc_", "lacc_"),
        fc.integer({ min: 1, max: 40 }).filter((n) => n !== 22),
        (prefix, n) => {
          const r = recogniseId(prefix + "a".repeat(n));
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.looksLike).toBeDefined();
            expect(r.reason).toContain("22 characters");
            expect(r.reason).toContain(String(n));
          }
        },
      ),
    );
  });

  it.each([
    ["", /Paste an id/],
    ["   ", /Paste an id/],
    ["op_", /Only the prefix/],
    ["OP_5tgliBmzjZ6mpQPRbQjfKj", /lower case/],
    ["trn_5tgliBmzjZ6mpQPRbQj-Kj", /"-"/],
    ["req_short", /27 characters/],
    ["3b0f5c2e-1d2a-4c3b-9e8f-7a6b5c4d3e2", /8-4-4-4-12/],
    ["two ids", /spaces/],
    ["mops-op_short", /mops-op_/],
    ["x".repeat(MAX_QUERY_LENGTH + 1), /Too long/],
    ["¿qué?", /Not an id/],
  ])("refuses %j and says why", (input, why) => {
    const r = recogniseId(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it("beneficiary identifiers: bank + last four, typed document, e-mail, @alias", () => {
    expect(recogniseId("1007 4050")).toEqual({
      ok: true,
      kind: "bank_account_tail",
      value: "1007 4050",
    });
    expect(recogniseId("CC 1020304050")).toEqual({
      ok: true,
      kind: "document_number",
      value: "1020304050",
    });
    expect(recogniseId("Ana@Example.co")).toEqual({
      ok: true,
      kind: "email",
      value: "ana@example.co",
    });
    expect(recogniseId("@tienda.ana")).toEqual({
      ok: true,
      kind: "breb_key",
      value: "@tienda.ana",
    });
    expect(recogniseId("1020304050")).toMatchObject({ ok: true, kind: "reference" });
  });

  it("normalises idempotency keys to lower case", () => {
    expect(recogniseId("3B0F5C2E-1D2A-4C3B-9E8F-7A6B5C4D3E2F")).toEqual({
      ok: true,
      kind: "idempotency_key",
      value: "3b0f5c2e-1d2a-4c3b-9e8f-7a6b5c4d3e2f",
    });
  });
});
