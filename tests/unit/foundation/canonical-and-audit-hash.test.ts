import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { canonicalJson } from "@/lib/canonical-json";
import { auditHash, GENESIS_HASH, type TAuditFields } from "@/lib/audit/hash";

function shuffleKeys(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, seed));
  if (v && typeof v === "object") {
    const keys = Object.keys(v);
    const order = seed % 2 ? keys.reverse() : keys;
    return Object.fromEntries(
      order.map((k) => [k, shuffleKeys((v as Record<string, unknown>)[k], seed)]),
    );
  }
  return v;
}

const base: TAuditFields = {
  at: new Date("2026-11-22T12:00:00.000Z"),
  actorId: "usr_1",
  actorEmail: "a@example.test",
  action: "user.created",
  targetType: "user",
  targetId: "usr_2",
  details: { role: "viewer" },
  ip: "203.0.113.1",
  userAgent: "ua",
  requestId: "req_1",
};

describe("canonical JSON", () => {
  it("gives the same bytes whatever the key order", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.nat(),
        (v, seed) => canonicalJson(v) === canonicalJson(shuffleKeys(v, seed)),
      ),
    );
  });
  it("writes BigInt as a decimal string", () => {
    expect(canonicalJson({ amount: 123456789012345678901234567890n })).toBe(
      '{"amount":"123456789012345678901234567890"}',
    );
  });
});

describe("audit hash chain", () => {
  it("changes when any field or the previous hash changes", () => {
    const h = auditHash(GENESIS_HASH, base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const key of Object.keys(base) as (keyof TAuditFields)[]) {
      const changed = {
        ...base,
        [key]:
          key === "at"
            ? new Date(base.at.getTime() + 1)
            : key === "details"
              ? { role: "admin" }
              : "other",
      };
      expect(auditHash(GENESIS_HASH, changed), key).not.toBe(h);
    }
    expect(auditHash("f".repeat(64), base)).not.toBe(h);
  });
});
