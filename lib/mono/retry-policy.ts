import "server-only";
import {
  MonoApiError,
  MonoNetworkError,
  MonoResponseShapeError,
  type MonoError,
  type TStopReason,
} from "./errors";

// When to stop retrying and what a failure costs, kept apart from the loop that applies them.

export function stopReasonFor(
  error: MonoError,
  attempt: number,
  maxRetries: number,
  pastDeadline: boolean,
): TStopReason | null {
  if (error instanceof MonoNetworkError && error.kind === "aborted") return "aborted";
  if (error instanceof MonoNetworkError && error.kind === "deadline") return "deadline";
  if (!error.retryable) return "not_retryable";
  if (attempt > maxRetries) return "max_retries";
  // Retry-After beyond the whole-call deadline: surface now rather than sleep and then fail.
  if (pastDeadline) return "deadline";
  return null;
}

export function retryAfterOf(error: MonoError): number | null {
  return error instanceof MonoApiError ? error.retryAfterMs : null;
}

export function errorCodeOf(error: MonoError): string | null {
  if (error instanceof MonoApiError) return error.errorCode;
  if (error instanceof MonoNetworkError) return error.kind;
  return error instanceof MonoResponseShapeError ? "response_shape" : null;
}

/** Timeouts cost more retry budget (AWS standard mode): they hold a connection for long. */
export function budgetKind(error: MonoError): "timeout" | "other" {
  return error instanceof MonoNetworkError && error.isTimeout ? "timeout" : "other";
}
