// Property-based tests (fast-check) for the sandbox's parsers and generators.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFaultConfig } from "../../../sandbox/fault-config";
import { FaultHeaderError, parseFaultHeader } from "../../../sandbox/faults";
import { canonicalJson, fingerprint, UUID_V4 } from "../../../sandbox/idempotency";
import { ID_PATTERN, newId } from "../../../sandbox/ids";

const directive = fc.oneof(
  fc.nat({ max: 600_000 }).map((n) => `latency=${n}`),
  fc.constantFrom(408, 429, 500, 502, 503, 504).map((n) => `status=${n}`),
  fc.constant("reset"),
  fc.nat({ max: 600_000 }).map((n) => `hang=${n}`),
  fc.constant("hang"),
  fc.constant("after_commit"),
  fc.nat({ max: 86_400 }).map((n) => `retry_after=${n}`),
  fc.nat({ max: 86_400 }).map((n) => `retry_after_date=${n}`),
  fc.constantFrom("duplicate", "reorder", "delay", "drop").map((k) => `webhook=${k}`),
  fc.nat({ max: 1_000_000 }).map((n) => `webhook_delay=${n}`),
  fc.constant("none"),
);

describe("parseFaultHeader", () => {
  it("never throws anything but FaultHeaderError, on any input", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        try {
          parseFaultHeader(raw, 0);
        } catch (e) {
          expect(e).toBeInstanceOf(FaultHeaderError);
        }
      }),
    );
  });

  it("valid directive lists parse into a consistent fault", () => {
    fc.assert(
      fc.property(
        fc.array(directive, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(";", " ; ", ";  "),
        (ds, sep) => {
          let f;
          try {
            f = parseFaultHeader(ds.join(sep), 0);
          } catch (e) {
            expect(e).toBeInstanceOf(FaultHeaderError);
            return;
          }
          const a = f.action;
          if (a?.afterCommit) expect(ds).toContain("after_commit");
          if (a?.kind === "status" && a.afterCommit) expect(a.status).toBeGreaterThanOrEqual(500);
          if (a?.kind === "status") expect(ds.some((d) => d.startsWith("status="))).toBe(true);
          if (!a)
            expect(
              ds.some((d) => d === "reset" || d.startsWith("status=") || d.startsWith("hang")),
            ).toBe(false);
          expect(f.latencyMs).toBeGreaterThanOrEqual(0);
          expect(new Set(f.webhook).size).toBe(f.webhook.length);
        },
      ),
    );
  });

  it("round-trips the documented examples", () => {
    expect(parseFaultHeader("latency=300", 0)).toMatchObject({ latencyMs: 300, action: null });
    expect(parseFaultHeader("status=503", 0).action).toEqual({
      kind: "status",
      status: 503,
      retryAfter: null,
      afterCommit: false,
    });
    expect(parseFaultHeader("status=500;after_commit", 0).action).toEqual({
      kind: "status",
      status: 500,
      retryAfter: null,
      afterCommit: true,
    });
    expect(parseFaultHeader("status=429;retry_after=2", 0).action).toMatchObject({
      retryAfter: "2",
    });
    expect(parseFaultHeader("status=429;retry_after_date=1", 0).action).toMatchObject({
      retryAfter: "Thu, 01 Jan 1970 00:00:01 GMT",
    });
    expect(parseFaultHeader("reset;after_commit", 0).action).toEqual({
      kind: "reset",
      afterCommit: true,
    });
    expect(parseFaultHeader("hang", 0).action).toEqual({
      kind: "hang",
      ms: 120_000,
      afterCommit: false,
    });
  });
});

describe("parseFaultConfig (SANDBOX_FAULTS)", () => {
  it("accepts any list of known keys with probabilities and rejects out-of-range ones", () => {
    const keys = [
      "latency",
      "429",
      "5xx",
      "5xx_after_commit",
      "reset",
      "reset_after_commit",
      "hang",
      "webhook_duplicate",
      "webhook_reorder",
      "webhook_delay",
      "webhook_drop",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), fc.double({ min: 0, max: 2, noNaN: true })), {
          maxLength: 8,
        }),
        (pairs) => {
          const text = pairs.map(([k, p]) => `${k}=${p}`).join(",");
          if (pairs.some(([, p]) => p > 1)) expect(() => parseFaultConfig(text)).toThrow();
          else
            expect(
              Object.values(parseFaultConfig(text).rates ?? {}).every((p) => p >= 0 && p <= 1),
            ).toBe(true);
        },
      ),
    );
    expect(parseFaultConfig("rate=0.3")).toMatchObject({ rate: 0.3 });
    expect(() => parseFaultConfig("boom=1")).toThrow();
  });
});

describe("ids", () => {
  it("prefix + _ + 22 base-62 characters, unique", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2,7}$/), (prefix) => {
        const id = newId(prefix);
        expect(id).toMatch(ID_PATTERN);
        expect(id.startsWith(prefix + "_")).toBe(true);
        expect(id.length).toBe(prefix.length + 23);
      }),
    );
    const many = new Set(Array.from({ length: 20_000 }, () => newId("trn")));
    expect(many.size).toBe(20_000);
  });

  it("characters are roughly uniform over the 62 symbols", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++)
      for (const c of newId("x").slice(2)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (5000 * 22) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });
});

describe("idempotency fingerprint", () => {
  it("ignores key order and whitespace, not values", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(fingerprint("POST", "/v1/x", JSON.stringify(obj))).toBe(
          fingerprint("POST", "/v1/x", JSON.stringify(reversed, null, 2)),
        );
        expect(fingerprint("POST", "/v1/x", JSON.stringify(obj))).not.toBe(
          fingerprint("POST", "/v1/y", JSON.stringify(obj)),
        );
      }),
    );
  });
  it("UUID_V4 accepts exactly v4 UUIDs", () => {
    fc.assert(fc.property(fc.uuid({ version: 4 }), (u) => UUID_V4.test(u)));
    fc.assert(fc.property(fc.uuid({ version: 1 }), (u) => !UUID_V4.test(u)));
    fc.assert(fc.property(fc.string(), (u) => !UUID_V4.test(u) || /^[0-9a-f-]{36}$/i.test(u)));
  });
});
