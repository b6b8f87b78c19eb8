import "server-only";
import { AppError } from "./app-error";
import { MonoApiError, MonoCircuitOpenError, MonoError } from "../mono/errors";

type TPrismaLike = { name?: string; code?: unknown; meta?: unknown };

// Known failures keep their meaning; anything unexpected becomes a generic 500 whose detail
// never leaks internals (the request id in the body finds the full error in the logs).
export function mapUnknownError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as TPrismaLike;
  if (e && e.name === "PrismaClientKnownRequestError" && typeof e.code === "string") {
    if (e.code === "P2025") return new AppError("not_found", "The record does not exist");
    if (e.code === "P2002")
      return new AppError("conflict", "A record with the same unique value already exists");
    if (e.code === "P2034") return new AppError("conflict", "A concurrent change won; try again");
  }
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
