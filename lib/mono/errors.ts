import "server-only";

// Typed failures of the Mono client. Callers branch on the class and on `retryable` / `stoppedBy`,
// never on message text (docs/DESIGN.md §2). None of them ever carries an API key: messages come
// from Mono's envelope (already redacted by the client) or from our own fixed strings.

/** Why the client stopped trying. Lets the write path tell "Mono said no" from "outcome unknown". */
export type TStopReason =
  | "not_retryable" // a 4xx (other than 408/429), a shape error: another attempt cannot help
  | "max_retries" // 5 retries spent
  | "budget_exhausted" // the client-wide retry budget is empty (Mono is probably down)
  | "deadline" // the whole-call timeout (60 s) would pass before the next attempt
  | "circuit_open" // the breaker refused to send
  | "aborted" // the caller's AbortSignal fired
  | "request_log_failed"; // the attempt could not be recorded, so nothing more is sent

export type TCallInfo = {
  callId: string;
  traceId: string;
  attempts: number; // HTTP attempts actually sent
  lastRequestId: string | null;
  stoppedBy: TStopReason;
};

// The production build compiles route handlers and instrumentation (the jobs) into separate
// bundles, each with its own copy of these classes, while the client is one process-wide
// singleton: a plain `instanceof` fails for an error made by another bundle's client. Errors carry
// a process-wide brand, and `instanceof` matches on it and on the error's name.
const BRAND = Symbol.for("mono-ops.MonoError");

export abstract class MonoError extends Error {
  abstract readonly retryable: boolean;
  /** Filled in by the client when the error leaves it. */
  call: TCallInfo | null = null;
  readonly [BRAND] = true;

  static [Symbol.hasInstance](v: unknown): boolean {
    if (this === MonoError)
      return typeof v === "object" && v !== null && (v as Record<symbol, unknown>)[BRAND] === true;
    const kind = ERROR_KINDS.get(this);
    if (kind === undefined) return Function.prototype[Symbol.hasInstance].call(this, v);
    return (
      typeof v === "object" &&
      v !== null &&
      (v as Record<symbol, unknown>)[BRAND] === true &&
      (v as Error).name === kind
    );
  }
}

export type TMonoErrorItem = {
  errorCode: string | null;
  message: string | null;
  path: string | null;
};

export class MonoApiError extends MonoError {
  override readonly name = "MonoApiError";
  constructor(
    readonly status: number,
    readonly errorCode: string | null, // the first errors[].error_code: the stable machine code
    message: string,
    readonly path: string | null,
    readonly logId: string | null, // Mono's log_ id: what Mono support asks for
    readonly errors: TMonoErrorItem[],
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

export type TNetworkKind =
  | "connect_timeout" // no TCP/TLS connection within the connect timeout
  | "timeout" // connected, but no (complete) response within the response timeout
  | "deadline" // the whole-call timeout fired mid-attempt
  | "reset" // the connection was closed or reset mid-request
  | "refused" // nothing listening
  | "dns" // host name did not resolve
  | "aborted" // the caller aborted
  | "unknown";

export class MonoNetworkError extends MonoError {
  override readonly name = "MonoNetworkError";
  constructor(
    readonly kind: TNetworkKind,
    message: string,
    readonly causeCode: string | null = null,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.kind !== "aborted" && this.kind !== "deadline";
  }
  /** Timeouts cost more retry budget (AWS standard mode) because they tie up a connection for long. */
  get isTimeout(): boolean {
    return this.kind === "timeout" || this.kind === "connect_timeout";
  }
}

/** Mono answered, but not with the shape we expect. Never retried: the same bytes would come back. */
export class MonoResponseShapeError extends MonoError {
  override readonly name = "MonoResponseShapeError";
  readonly retryable = false;
  constructor(
    readonly status: number,
    readonly issues: string[],
    readonly logId: string | null,
  ) {
    super(`Unexpected response shape from Mono (HTTP ${status}): ${issues.slice(0, 3).join("; ")}`);
  }
}

export class MonoCircuitOpenError extends MonoError {
  override readonly name = "MonoCircuitOpenError";
  readonly retryable = false;
  constructor() {
    super("Mono circuit breaker is open: the request was not sent");
  }
}

/** The attempt's RequestLog row could not be written (after retries); see docs/MONO-CLIENT.md. */
export class MonoRequestLogError extends MonoError {
  override readonly name = "MonoRequestLogError";
  readonly retryable = false;
  constructor(
    readonly attemptError: MonoError | null, // what the unrecorded attempt returned, if it failed
    readonly attemptStatus: number | null,
    cause: unknown,
  ) {
    super("Could not record the Mono request in the request log; no further attempts were sent", {
      cause,
    });
  }
}

const ERROR_KINDS = new Map<unknown, string>([
  [MonoApiError, "MonoApiError"],
  [MonoNetworkError, "MonoNetworkError"],
  [MonoResponseShapeError, "MonoResponseShapeError"],
  [MonoCircuitOpenError, "MonoCircuitOpenError"],
  [MonoRequestLogError, "MonoRequestLogError"],
]);

export class MonoConfigError extends Error {
  override readonly name = "MonoConfigError";
  constructor(readonly problems: string[]) {
    super(
      `Mono client configuration is incomplete:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

/** Transient (docs/DESIGN.md P12): network errors, 408, 429, 500–504; any other status is final. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}
