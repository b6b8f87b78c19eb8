import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  parseSignatureHeader,
  signatureHeader,
  signPayload,
  verifySignature,
  type TSignatureSecret,
} from "@/lib/webhooks/signature";
import { dedupeKeyOf } from "@/lib/webhooks/envelope";

const CUR: TSignatureSecret = { secret: "whsec_current_0001", label: "valid" };
const PREV: TSignatureSecret = { secret: "whsec_previous_001", label: "valid_previous_secret" };
const T = 1_800_000_000;
const check = (header: string | null, raw: string, nowSec = T, secrets = [CUR, PREV]) =>
  verifySignature({ header, rawBody: raw, secrets, nowSec, toleranceSec: 300 });

describe("Mono-Signature", () => {
  it("matches the documented algorithm: hex HMAC-SHA256 of `${t}.${body}`", () => {
    // computed independently: printf '1800000000.{}' | openssl dgst -sha256 -hmac whsec_current_0001
    expect(signPayload("whsec_current_0001", "{}", T)).toBe(
      "c2bf3668c487735407cc85fd09f81bac72707d3ba895631d7b0d1988cb3131e4",
    );
    expect(signatureHeader(CUR.secret, "{}", T)).toBe(
      `t=${T},v1=${signPayload(CUR.secret, "{}", T)}`,
    );
  });

  it("accepts the current and the previous secret, and says which", () => {
    expect(check(signatureHeader(CUR.secret, "x", T), "x")).toEqual({
      ok: true,
      result: "valid",
      t: T,
    });
    expect(check(signatureHeader(PREV.secret, "x", T), "x")).toEqual({
      ok: true,
      result: "valid_previous_secret",
      t: T,
    });
    expect(check(signatureHeader(PREV.secret, "x", T), "x", T, [CUR])).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("tolerance is inclusive at 300 s both ways", () => {
    for (const d of [-300, 300])
      expect(check(signatureHeader(CUR.secret, "x", T + d), "x").ok).toBe(true);
    for (const d of [-301, 301])
      expect(check(signatureHeader(CUR.secret, "x", T + d), "x")).toMatchObject({
        ok: false,
        reason: "stale_timestamp",
      });
  });

  it("missing, garbled and partial headers", () => {
    expect(check(null, "x")).toEqual({ ok: false, reason: "missing_signature" });
    expect(check("  ", "x")).toEqual({ ok: false, reason: "missing_signature" });
    for (const h of [
      "garbage",
      "t=,v1=",
      `t=${T}`,
      `v1=${"a".repeat(64)}`,
      `t=12x,v1=${"a".repeat(64)}`,
      `t=${T},v1=abc`,
    ])
      expect(check(h, "x")).toMatchObject({ ok: false, reason: "malformed_signature" });
    expect(
      parseSignatureHeader(`t=${T}, v1=${"A".repeat(64)} ,v2=zz, v1=${"b".repeat(64)}`),
    ).toEqual({ t: T, v1: ["a".repeat(64), "b".repeat(64)] });
  });

  it("property: any change to the body or the timestamp breaks the signature", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.integer({ min: -300, max: 300 }),
        (body, extra, skew) => {
          const h = signatureHeader(CUR.secret, body, T + skew);
          expect(check(h, body).ok).toBe(true);
          expect(check(h, body + extra).ok).toBe(false);
          const shifted = h.replace(`t=${T + skew}`, `t=${T + skew + 1}`);
          expect(check(shifted, body).ok).toBe(false);
        },
      ),
    );
  });

  it("property: arbitrary header strings never throw", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (h) => void check(h, "{}")));
  });
});

describe("dedupe key", () => {
  const d = { id: "trn_1", state: "approved", updated_at: "2026-01-01T00:00:00.000Z" };
  it("same type + id + state + updated_at → same key, whatever else differs", () => {
    expect(dedupeKeyOf("bank_transfer_approved", d, "a")).toBe(
      dedupeKeyOf("bank_transfer_approved", { ...d, description: "other" }, "b"),
    );
  });
  it("a new state, a new update time or another type is another event", () => {
    const k = dedupeKeyOf("bank_transfer_approved", d, "");
    expect(dedupeKeyOf("bank_transfer_approved", { ...d, state: "declined" }, "")).not.toBe(k);
    expect(
      dedupeKeyOf("bank_transfer_approved", { ...d, updated_at: "2026-01-01T00:00:01.000Z" }, ""),
    ).not.toBe(k);
    expect(dedupeKeyOf("bank_transfer_change_final_state", d, "")).not.toBe(k);
  });
  it("ledger movements are immutable: type + id only; no id → the raw body", () => {
    expect(dedupeKeyOf("ledger_account_transaction_created", { id: "ltx_1", x: 1 }, "")).toBe(
      dedupeKeyOf("ledger_account_transaction_created", { id: "ltx_1", x: 2 }, ""),
    );
    expect(dedupeKeyOf("x", {}, "raw1")).not.toBe(dedupeKeyOf("x", {}, "raw2"));
  });
});
