import "server-only";
import { Agent, request, type Dispatcher } from "undici";
import { faultPoint } from "../faults/fault-point";
import { MonoNetworkError, type TNetworkKind } from "./errors";

// One HTTP exchange with Mono, nothing else: no retries, no logging. Timeouts (docs/DESIGN.md P11):
// connect (TCP+TLS) 5 s on the Agent, response 30 s as undici's headers and body timeouts (each
// counts inactivity, so a trickling body is cut too). The whole-call 60 s deadline is an
// AbortSignal owned by the caller (lib/mono/transport.ts) because it spans retries.

export type THttpTimeouts = { connectMs: number; responseMs: number };

export type THttpRequest = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: string | null;
  signal: AbortSignal;
  /** Tells an abort by the whole-call deadline from an abort by the caller. */
  abortKind: () => "deadline" | "aborted";
};

export type THttpResponse = { status: number; headers: Record<string, string>; bodyText: string };

export function createDispatcher(t: THttpTimeouts, connections = 64): Agent {
  return new Agent({
    connect: { timeout: t.connectMs },
    headersTimeout: t.responseMs,
    bodyTimeout: t.responseMs,
    connections,
    keepAliveTimeout: 10_000,
  });
}

export async function sendOnce(dispatcher: Dispatcher, req: THttpRequest): Promise<THttpResponse> {
  try {
    const res = await request(req.url, {
      dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body ?? undefined,
      signal: req.signal,
    });
    // Mono has the whole request and has answered: what it did is done, whatever happens here.
    if (req.method !== "GET") faultPoint("after_mono_request_sent");
    const bodyText = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined)
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: res.statusCode, headers, bodyText };
  } catch (err) {
    throw toNetworkError(err, req);
  }
}

function codeOf(err: unknown): string | null {
  if (err && typeof err === "object") {
    const e = err as { code?: unknown; cause?: unknown };
    if (typeof e.code === "string") return e.code;
    if (e.cause) return codeOf(e.cause);
  }
  return null;
}

const KIND_BY_CODE: Record<string, TNetworkKind> = {
  UND_ERR_CONNECT_TIMEOUT: "connect_timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ETIMEDOUT: "timeout",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
  ECONNRESET: "reset",
  EPIPE: "reset",
  ECONNREFUSED: "refused",
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
};

/** Maps undici/Node failures to our kinds. The message is fixed text: no URL, header or key in it. */
export function toNetworkError(
  err: unknown,
  req: Pick<THttpRequest, "signal" | "abortKind">,
): MonoNetworkError {
  if (req.signal.aborted) {
    const kind = req.abortKind();
    return new MonoNetworkError(
      kind,
      kind === "deadline" ? "Whole-call timeout reached" : "Aborted by the caller",
      "ABORT",
    );
  }
  const code = codeOf(err);
  const kind = (code && KIND_BY_CODE[code]) || "unknown";
  return new MonoNetworkError(kind, `Network failure talking to Mono (${kind})`, code);
}
