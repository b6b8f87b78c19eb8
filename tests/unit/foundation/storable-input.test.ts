import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeUnstorable, nestedDeeperThan, unstorableTextAt } from "@/lib/api/storable-text";
import {
  INT8_MAX,
  parseTimeIdCursor,
  zBigintId,
  zStorableDateTime,
  zTimeIdCursor,
} from "@/lib/api/params";

describe("unstorableTextAt: text PostgreSQL cannot store, anywhere in the input", () => {
  it("finds NUL and lone surrogates (high, low, at either end) in values and keys", () => {
    expect(unstorableTextAt("a\u0000b")).toMatchObject({ path: "/", message: /NUL/ });
    for (const s of ["\ud800", "a\ud83d", "\ude00b", "x\udfffy", "\udc00\ud800"])
      expect(unstorableTextAt({ a: [1, { b: s }] }), JSON.stringify(s)).toMatchObject({
        path: "/a/1/b",
        message: /surrogate/,
      });
    expect(unstorableTextAt({ a: { "k\ud800": 1 } })).toMatchObject({ path: "/a/k\\ud800" });
    expect(unstorableTextAt({ "n\u0000": 1 })?.path).toBe("/n\\u0000");
  });

  it("accepts well-formed text, surrogate pairs included, and non-strings", () => {
    expect(unstorableTextAt({ e: "😀 café \uffff", n: 1, b: true, z: null, l: ["ok"] })).toBeNull();
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const json = JSON.stringify(v);
        const storable = !/\\u0000|\\ud[89a-f]/i.test(json);
        return (unstorableTextAt(v) === null) === storable;
      }),
    );
  });

  it("has no depth limit (iterative) and escapes for storage", () => {
    let deep: unknown = "\ud800";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorableTextAt(deep)?.path).toBe("/0".repeat(100_000));
    expect(nestedDeeperThan(deep, 64)).toBe(true);
    expect(nestedDeeperThan({ a: { b: [1] } }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: { b: [1] } }, 2)).toBe(true);
    expect(escapeUnstorable("a\u0000b\ud800c😀\udc00")).toBe("a\\u0000b\\ud800c😀\\udc00");
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        (s) => unstorableTextAt(escapeUnstorable(s)) === null,
      ),
    );
  });
});

describe("ids, cursors and times that fit their columns", () => {
  it("bigint ids: 0 … 9223372036854775807", () => {
    const id = zBigintId();
    expect(id.safeParse("0").success).toBe(true);
    expect(id.safeParse(INT8_MAX.toString()).success).toBe(true);
    for (const bad of [
      "9223372036854775808",
      "9999999999999999999",
      "-1",
      "1e3",
      "",
      "12345678901234567890",
    ])
      expect(id.safeParse(bad).success, bad).toBe(false);
  });

  it("times: years 1 … 9999, ISO in UTC", () => {
    const t = zStorableDateTime();
    for (const ok of [
      "0001-01-01T00:00:00Z",
      "2026-12-04T17:02:00.123Z",
      "9999-12-31T23:59:59.999Z",
    ])
      expect(t.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      "0000-01-01T00:00:00Z",
      "+275760-09-13T00:00:00.000Z",
      "33658-01-01T00:00:00Z",
      "2026-12-04",
    ])
      expect(t.safeParse(bad).success, bad).toBe(false);
  });

  it("keyset cursors <epoch ms>_<id>: both parts in range", () => {
    const c = zTimeIdCursor();
    const last = Date.parse("9999-12-31T23:59:59.999Z");
    expect(c.safeParse(`${last}_${INT8_MAX}`).success).toBe(true);
    expect(parseTimeIdCursor(`${last}_42`)).toEqual({ at: new Date(last), id: 42n });
    for (const bad of [
      "1_9999999999999999999",
      `${last + 1}_1`,
      "999999999999999_1",
      "1_",
      "_1",
      "-1_1",
    ])
      expect(c.safeParse(bad).success, bad).toBe(false);
  });
});
