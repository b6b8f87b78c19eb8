import "server-only";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { parseRetryAfterMs } from "./backoff";
import { apiErrorFrom } from "./envelope";
import { MonoNetworkError, MonoResponseShapeError, type MonoError } from "./errors";
import { sendOnce, type THttpRequest } from "./http";

// One attempt turned into a plain report: what came back, what it means, and whether it counts
// against the circuit breaker. It never throws, so the breaker, the retry loop and the request log
// all see every outcome the same way.

export const LOG_ID_HEADER = "x-mono-log-id"; // contract.ts TMonoLogIdHeader

type TBase = {
  status: number | null;
  responseHeaders: Record<string, string> | null;
  responseJson: unknown; // parsed body, or null when empty / not JSON
  responseRaw: string | null; // the body as received (JSON or not), null without a response
  logId: string | null;
  durationMs: number;
  breakerFailure: boolean;
  summary: string;
};
// errorCode: Mono's error_code, ours for network and shape failures, null when Mono gave none.
export type TAttemptOutcome<T> = TBase &
  ({ ok: true; value: T } | { ok: false; error: MonoError; errorCode: string | null });

function safeJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
}

export async function runAttempt<T>(
  dispatcher: Dispatcher,
  req: THttpRequest,
  schema: z.ZodType<T>,
): Promise<TAttemptOutcome<T>> {
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  let res;
  try {
    res = await sendOnce(dispatcher, req);
  } catch (err) {
    const error =
      err instanceof MonoNetworkError
        ? err
        : new MonoNetworkError("unknown", "Network failure talking to Mono");
    return {
      ok: false,
      error,
      errorCode: error.kind,
      status: null,
      responseHeaders: null,
      responseJson: null,
      responseRaw: null,
      logId: null,
      durationMs: elapsed(),
      breakerFailure: error.kind !== "aborted",
      summary: `network ${error.kind}`,
    };
  }
  const json = safeJson(res.bodyText);
  const base = {
    status: res.status,
    responseHeaders: res.headers,
    responseJson: json,
    responseRaw: res.bodyText === "" ? null : res.bodyText,
    durationMs: elapsed(),
  };
  const headerLogId = res.headers[LOG_ID_HEADER] ?? null;
  if (res.status >= 200 && res.status < 300) {
    const parsed = schema.safeParse(json);
    if (parsed.success) {
      return {
        ...base,
        ok: true,
        value: parsed.data,
        logId: headerLogId,
        breakerFailure: false,
        summary: String(res.status),
      };
    }
    const error = new MonoResponseShapeError(res.status, issuesOf(parsed.error), headerLogId);
    return {
      ...base,
      ok: false,
      error,
      errorCode: "response_shape",
      logId: headerLogId,
      breakerFailure: false,
      summary: "shape",
    };
  }
  const retryAfterMs = parseRetryAfterMs(res.headers["retry-after"], Date.now());
  const error = apiErrorFrom(res.status, res.bodyText, headerLogId, retryAfterMs);
  const errorCode = error.errorCode;
  return {
    ...base,
    ok: false,
    error,
    errorCode,
    logId: error.logId,
    breakerFailure: res.status === 408 || res.status >= 500,
    summary: `${res.status} ${errorCode ?? ""}`.trim(),
  };
}
