import "server-only";
import { formatTraceparent, newSpanId } from "./trace";

// The headers of one attempt (seed 001 §8, seed 003): Bearer key, our X-Request-Id, a W3C
// traceparent, and on writes the idempotency key, which is the same on every attempt.

export /** A new request id and span per attempt; the same key (and trace) on every attempt. */
function attemptHeaders(apiKey: string, requestId: string, traceId: string, hasBody: boolean, idempotencyKey?: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `Bearer ${apiKey}`,
    "x-request-id": requestId,
    traceparent: formatTraceparent(traceId, newSpanId()),
    "user-agent": "mono-ops-console",
  };
  if (hasBody) headers["content-type"] = "application/json";
  if (idempotencyKey) headers["x-idempotency-key"] = idempotencyKey;
  return headers;
}
