import { describe, expect, it } from "vitest";
import { apiErrorFrom } from "@/lib/mono/envelope";
import { MonoNetworkError, MonoResponseShapeError } from "@/lib/mono/errors";
import { attemptHeaders } from "@/lib/mono/call-plan";
import { budgetKind, errorCodeOf, stopReasonFor } from "@/lib/mono/retry-policy";

const api = (status: number) =>
  apiErrorFrom(status, JSON.stringify({ errors: [{ error_code: `code_${status}` }] }), null, null);

describe("stop reasons", () => {
  it("never retries other 4xx, retries the transient ones until the cap", () => {
    for (const s of [400, 401, 403, 404, 409, 422])
      expect(stopReasonFor(api(s), 1, 5, false)).toBe("not_retryable");
    for (const s of [408, 429, 500, 502, 503, 504]) {
      expect(stopReasonFor(api(s), 5, 5, false)).toBeNull();
      expect(stopReasonFor(api(s), 6, 5, false)).toBe("max_retries");
      expect(stopReasonFor(api(s), 1, 5, true)).toBe("deadline");
    }
    expect(stopReasonFor(new MonoNetworkError("reset", "x"), 1, 5, false)).toBeNull();
    expect(stopReasonFor(new MonoNetworkError("aborted", "x"), 1, 5, false)).toBe("aborted");
    expect(stopReasonFor(new MonoNetworkError("deadline", "x"), 1, 5, false)).toBe("deadline");
    expect(stopReasonFor(new MonoResponseShapeError(200, [], null), 1, 5, false)).toBe(
      "not_retryable",
    );
  });

  it("charges timeouts the higher budget cost and names error codes", () => {
    expect(budgetKind(new MonoNetworkError("timeout", "x"))).toBe("timeout");
    expect(budgetKind(new MonoNetworkError("connect_timeout", "x"))).toBe("timeout");
    expect(budgetKind(new MonoNetworkError("reset", "x"))).toBe("other");
    expect(budgetKind(api(503))).toBe("other");
    expect(errorCodeOf(api(503))).toBe("code_503");
    expect(errorCodeOf(new MonoNetworkError("refused", "x"))).toBe("refused");
    expect(errorCodeOf(new MonoResponseShapeError(200, [], null))).toBe("response_shape");
  });
});

describe("attempt headers", () => {
  it("carry the key, request id, a valid traceparent, and the idempotency key on writes", () => {
    const key = crypto.randomUUID();
    const h = attemptHeaders("sk_x", "req_1", "a".repeat(32), true, key);
    expect(h).toMatchObject({
      authorization: "Bearer sk_x",
      "x-request-id": "req_1",
      "content-type": "application/json",
      "x-idempotency-key": key,
    });
    expect(h.traceparent).toMatch(new RegExp(`^00-${"a".repeat(32)}-[0-9a-f]{16}-01$`));
    expect(attemptHeaders("sk_x", "req_2", "a".repeat(32), false)).not.toHaveProperty(
      "x-idempotency-key",
    );
  });
});
