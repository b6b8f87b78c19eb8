import "server-only";
import { newId } from "@/lib/ids";
import { storedBody } from "./attempt-record";
import { encodeQuery } from "./query";
import { formatTraceparent, newSpanId, traceIdOrNew } from "./trace";
import type { TCallSpec, TTraffic, TTransportDeps } from "./transport";

// What stays fixed across the attempts of one call (key, ids, URL, the serialised body) and the
// headers of each attempt (docs/DESIGN.md P1, P2, P16).

export function planCall<T>(deps: TTransportDeps, spec: TCallSpec<T>) {
  const traffic: TTraffic = spec.options?.traffic ?? "interactive";
  // Batch traffic uses the batch key when one is configured; the label, never the key, is logged.
  const batchKey = traffic === "batch" ? deps.keys.batch : null;
  const bodyText = spec.body === undefined ? null : JSON.stringify(spec.body);
  return {
    method: spec.route.startsWith("POST ") ? ("POST" as const) : ("GET" as const),
    traffic,
    apiKey: batchKey ?? deps.keys.interactive,
    apiKeyLabel: batchKey ? ("batch" as const) : ("interactive" as const),
    callId: newId("call"),
    traceId: traceIdOrNew(spec.options?.traceId),
    url: `${deps.baseUrl.replace(/\/$/, "")}${spec.path}${encodeQuery(spec.query)}`,
    // Serialised once: every attempt sends the same bytes with the same key (docs/DESIGN.md P2).
    bodyText,
    storedRequestBody:
      spec.body === undefined
        ? null
        : storedBody(deps.redactor, spec.body, bodyText, deps.maxStoredBodyBytes),
  };
}

export /** A new request id and span per attempt; the same key (and trace) on every attempt. */
function attemptHeaders(
  apiKey: string,
  requestId: string,
  traceId: string,
  hasBody: boolean,
  idempotencyKey?: string,
): Record<string, string> {
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
