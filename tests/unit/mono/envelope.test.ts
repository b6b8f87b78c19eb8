import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiErrorFrom, parseEnvelope } from "@/lib/mono/envelope";
import { MonoApiError } from "@/lib/mono/errors";

const sample = JSON.stringify({
  code: "409 Conflict",
  message: "Conflict",
  id: "log_7MkWaFqvfosB8fzHhb1Eql",
  errors: [
    {
      error_code: "idempotency_key_reused",
      message: "Key used with another body",
      path: "#/body",
      url: null,
    },
  ],
});

describe("Mono error envelope → MonoApiError", () => {
  it("takes status, error_code, message, path and log id", () => {
    const e = apiErrorFrom(409, sample, null, null);
    expect(e).toBeInstanceOf(MonoApiError);
    expect(e).toMatchObject({
      status: 409,
      errorCode: "idempotency_key_reused",
      message: "Conflict",
      path: "#/body",
      logId: "log_7MkWaFqvfosB8fzHhb1Eql",
      retryable: false,
    });
  });

  it("marks 408, 429 and 500–504 retryable and nothing else", () => {
    const retryable = [408, 429, 500, 502, 503, 504];
    for (let s = 400; s < 600; s++)
      expect(apiErrorFrom(s, "", null, null).retryable).toBe(retryable.includes(s));
  });

  it("falls back to the header log id and a generic message for non-JSON bodies", () => {
    const e = apiErrorFrom(502, "<html>Bad gateway</html>", "log_fromHeader123", null);
    expect(e).toMatchObject({
      status: 502,
      errorCode: null,
      logId: "log_fromHeader123",
      message: "Mono answered HTTP 502",
    });
  });

  it("ignores an id that is not a log_ id", () => {
    expect(parseEnvelope({ id: "<script>" }).logId).toBeNull();
  });

  it("never throws on hostile bodies, and always keeps the status", () => {
    const bodies = fc.oneof(
      fc.string(),
      fc.json(),
      fc.anything().map((v) => {
        try {
          return JSON.stringify(v) ?? "";
        } catch {
          return "";
        }
      }),
      fc
        .record({
          code: fc.anything(),
          message: fc.anything(),
          id: fc.anything(),
          errors: fc.oneof(
            fc.anything(),
            fc.array(
              fc.record({ error_code: fc.anything(), message: fc.anything(), path: fc.anything() }),
            ),
          ),
        })
        .map((o) => JSON.stringify(o) ?? ""),
    );
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), bodies, (status, body) => {
        const e = apiErrorFrom(status, body, null, null);
        return (
          e.status === status &&
          typeof e.message === "string" &&
          e.message.length <= 500 &&
          Array.isArray(e.errors)
        );
      }),
      { numRuns: 500 },
    );
  });

  it("bounds very long messages", () => {
    const e = apiErrorFrom(400, JSON.stringify({ message: "x".repeat(100_000) }), null, null);
    expect(e.message.length).toBe(500);
  });
});
