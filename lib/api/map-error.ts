import "server-only";
import { AppError } from "./app-error";
import { mapDbError } from "./map-db-error";
import { MonoApiError, MonoCircuitOpenError, MonoError } from "../mono/errors";

// Known failures keep their meaning; anything unexpected becomes a generic 500 whose detail
// never leaks internals (the request id in the body finds the full error in the logs).
export function mapUnknownError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const db = mapDbError(err);
  if (db) return db;
  if (err instanceof MonoCircuitOpenError) {
    return new AppError(
      "service_unavailable",
      "Mono is failing right now (circuit breaker open); nothing was sent. Try again shortly.",
      { headers: { "retry-after": "30" } },
    );
  }
  if (err instanceof MonoApiError) {
    return new AppError(
      "upstream_error",
      `Mono answered ${err.status}${err.errorCode ? ` (${err.errorCode})` : ""}`,
      { meta: { monoStatus: err.status, monoErrorCode: err.errorCode, monoLogId: err.logId } },
    );
  }
  if (err instanceof MonoError)
    return new AppError("upstream_error", "Mono could not be reached or answered unexpectedly", {
      meta: { monoError: err.name },
    });
  return new AppError(
    "internal_error",
    "Something went wrong on our side. Quote the request id when reporting it.",
  );
}
