import "server-only";
import { AppError } from "./app-error";
import { apiWords } from "./detail-words";
import { mapDbError } from "./map-db-error";
import { MonoApiError, MonoCircuitOpenError, MonoError } from "../mono/errors";

// Known failures keep their meaning; anything unexpected becomes a generic 500 whose detail
// never leaks internals (the request id in the body finds the full error in the logs).
export function mapUnknownError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const db = mapDbError(err);
  if (db) return db;
  if (err instanceof MonoCircuitOpenError) {
    return AppError.worded("service_unavailable", apiWords("mono_circuit_open"), {
      headers: { "retry-after": "30" },
    });
  }
  if (err instanceof MonoApiError) {
    const words = err.errorCode
      ? apiWords("mono_answered_error", { status: err.status, error_code: err.errorCode })
      : apiWords("mono_answered_status", { status: err.status });
    return AppError.worded("upstream_error", words, {
      meta: { monoStatus: err.status, monoErrorCode: err.errorCode, monoLogId: err.logId },
    });
  }
  if (err instanceof MonoError)
    return AppError.worded("upstream_error", apiWords("mono_unreachable"), {
      meta: { monoError: err.name },
    });
  return AppError.worded("internal_error", apiWords("unexpected_failure"));
}
