// Mono's error envelope (docs/SANDBOX.md "Errors"): `code` is "<status> <phrase>", `message` is
// fixed per status, `errors[]` carries the machine codes with JSON-pointer paths.
import type { TMonoErrorCode, TMonoErrorEnvelope, TMonoErrorItem } from "../lib/mono/contract";

export const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

const TOP_MESSAGE: Record<number, string> = {
  400: "Malformed request",
  401: "Authorization header is missing or invalid.",
  403: "Not authorized to have access to this resource",
  404: "Resource not defined",
  405: "Method not allowed",
  408: "Request timeout",
  409: "Conflict",
  413: "Malformed request",
  422: "Validation errors",
  429: "Too many requests",
  500: "Something went wrong on the Server",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
};

const DOCS_URL = "https://docs.mono.la/docs/guides/api-standards/errors-and-retries";

export type TErrorDetail = {
  code: TMonoErrorCode | (string & {});
  message: string;
  path?: string | null;
};

/** Thrown by handlers; turned into the envelope by the server. */
export class MonoError extends Error {
  readonly status: number;
  readonly details: TErrorDetail[];
  readonly headers: Record<string, string>;
  constructor(status: number, details: TErrorDetail[], headers: Record<string, string> = {}) {
    super(details[0]?.message ?? String(status));
    this.status = status;
    this.details = details;
    this.headers = headers;
  }
}

export function fail(
  status: number,
  code: TErrorDetail["code"],
  message: string,
  path: string | null = null,
): never {
  throw new MonoError(status, [{ code, message, path }]);
}

export function envelope(
  status: number,
  details: TErrorDetail[],
  logId: string,
): TMonoErrorEnvelope {
  const errors: TMonoErrorItem[] = details.map((d) => ({
    error_code: d.code,
    message: d.message,
    path: d.path ?? null,
    url: `${DOCS_URL}#${d.code}`,
  }));
  return {
    code: `${status} ${REASON[status] ?? "Error"}`,
    errors,
    id: logId,
    message: TOP_MESSAGE[status] ?? "Error",
  };
}

/** The error a 5xx/429 fault or an unexpected exception produces. */
export function statusDetail(status: number): TErrorDetail {
  switch (status) {
    case 429:
      return {
        code: "rate_limited",
        message: "Rate limit exceeded. Honor the Retry-After header.",
      };
    case 502:
      return { code: "bad_gateway", message: "Upstream returned an invalid response" };
    case 503:
      return {
        code: "service_is_unavailable",
        message: "The service is unavailable, Please try again later",
      };
    case 504:
      return { code: "gateway_timeout", message: "Upstream did not answer in time" };
    default:
      return { code: "internal_error", message: "An unexpected error occurred" };
  }
}
