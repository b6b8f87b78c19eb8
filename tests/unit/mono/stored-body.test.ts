import { describe, expect, it } from "vitest";
import { storedBody } from "@/lib/mono/attempt-record";
import { createRedactor, REDACTED } from "@/lib/mono/redact";

const KEY = "sk_test_live_0123456789";

describe("storedBody", () => {
  const redactor = createRedactor([KEY]);

  it("stores a JSON body redacted", () => {
    const body = { account_number: "0123456789", note: `key ${KEY}`, amount: 100 };
    expect(storedBody(redactor, body, JSON.stringify(body), 64 * 1024)).toEqual({
      account_number: "******6789",
      note: `key ${REDACTED}`,
      amount: 100,
    });
  });

  it("replaces a body over the limit by its size, measured in bytes of the raw text, without walking it", () => {
    const body = { name: "Ñandú".repeat(10) }; // 2-byte characters: bytes, not characters, count
    const raw = JSON.stringify(body);
    const bytes = Buffer.byteLength(raw);
    expect(bytes).toBeGreaterThan(raw.length);
    let walked = 0;
    const spy = { ...redactor, body: (v: unknown) => (walked++, redactor.body(v)) };
    expect(storedBody(spy, body, raw, bytes - 1)).toEqual({ _truncated: true, bytes });
    expect(walked).toBe(0);
    expect(storedBody(spy, body, raw, bytes)).toEqual(body);
    expect(walked).toBe(1);
  });

  it("measures a body without its raw text by serialising it", () => {
    const body = { a: "x".repeat(100) };
    expect(storedBody(redactor, body, null, 50)).toEqual({
      _truncated: true,
      bytes: JSON.stringify(body).length,
    });
  });

  it("keeps a redacted excerpt of a non-JSON body, and nothing for an empty one", () => {
    const html = `<html>${KEY}${"x".repeat(5_000)}</html>`;
    const stored = storedBody(redactor, null, html, 64 * 1024) as { _text: string };
    expect(stored._text.startsWith(`<html>${REDACTED}`)).toBe(true);
    expect(stored._text.length).toBeLessThanOrEqual(2_000);
    expect(storedBody(redactor, null, null, 64 * 1024)).toBeNull();
  });
});
