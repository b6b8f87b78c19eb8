import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, createRedactor, maskEmail, maskTail } from "@/lib/mono/redact";

const KEY = "sk_test_0123456789abcdef";
const r = createRedactor([KEY]);

describe("redaction of stored bodies and headers", () => {
  it("masks document and account numbers to the last 4", () => {
    const out = r.body({
      transfers: [
        {
          payee: {
            name: "Ana Gómez",
            document_number: "1020304050",
            bank_account: { bank_code: "1051", number: "4000123456" },
          },
        },
      ],
      target: {
        account_number: "987654321",
        payee: {
          document_number: 1234567,
          phone_number: "+573001234567",
          email: "ana@example.com",
        },
      },
    });
    expect(out).toEqual({
      transfers: [
        {
          payee: {
            name: "Ana Gómez",
            document_number: "******4050",
            bank_account: { bank_code: "1051", number: "******3456" },
          },
        },
      ],
      target: {
        account_number: "*****4321",
        payee: {
          document_number: "***4567",
          phone_number: "*********4567",
          email: "a***@example.com",
        },
      },
    });
  });

  it("masks a Bre-B key value given as {format, value}", () => {
    expect(r.body({ account_id: "lacc_x", format: "plain_key", value: "3001234567" })).toEqual({
      account_id: "lacc_x",
      format: "plain_key",
      value: "******4567",
    });
  });

  it("replaces secrets by key name and by value anywhere", () => {
    const out = r.body({
      api_key: "x",
      nested: { client_secret: { a: 1 } },
      message: `bad key Bearer ${KEY}`,
      list: [KEY],
    });
    expect(JSON.stringify(out)).not.toContain(KEY);
    expect(out).toMatchObject({ api_key: REDACTED, nested: { client_secret: REDACTED } });
  });

  it("redacts the Authorization header and secrets in any header", () => {
    const h = r.headers({
      Authorization: `Bearer ${KEY}`,
      "X-Request-Id": "req_1",
      "x-echo": `k=${KEY}`,
      "set-cookie": ["a=b"],
    });
    expect(h).toEqual({
      authorization: `Bearer ${REDACTED}`,
      "x-request-id": "req_1",
      "x-echo": `k=${REDACTED}`,
      "set-cookie": REDACTED,
    });
  });

  it("never lets the key through, whatever the body", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (v, s) => {
        const doc = { v, s: `${s}${KEY}${s}`, [KEY]: v };
        return !JSON.stringify(r.body(doc)).includes(KEY);
      }),
    );
  });

  it("mask helpers keep short values fully hidden", () => {
    expect(maskTail("123")).toBe("***");
    expect(maskEmail("nobody")).toBe("**body");
  });
});
