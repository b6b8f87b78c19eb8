import "server-only";
import { AppError, type TErrorCode } from "./app-error";
import { consoleWords, type TConsoleCode } from "./console-words";

// Database errors from either layer — Prisma Client (its own codes, or a driver-adapter error
// carrying PostgreSQL's) and Kysely (node-pg's DatabaseError) — mapped by SQLSTATE to the same
// documented error codes (docs/ARCHITECTURE.md "One error shape"). The message never carries the
// statement, its parameters or the row: only what a caller may be told, worded from a stable
// code (lib/api/console-words.ts) so the browser says it in the person's language.
type TDbDetail = Extract<TConsoleCode, `db_${string}`>;
const w =
  (code: TErrorCode, detail: TDbDetail, extra: AppError["extra"] = {}) =>
  () =>
    AppError.worded(code, consoleWords(detail), extra);
const BUSY = { headers: { "retry-after": "1" } };
const BY_SQLSTATE: Record<string, () => AppError> = {
  "23505": w("conflict", "db_unique_violation"),
  "23503": w("unprocessable", "db_missing_reference"),
  "23514": w("unprocessable", "db_check_violation"),
  "23502": w("unprocessable", "db_not_null_violation"),
  "40P01": w("conflict", "db_concurrent_change"),
  "40001": w("conflict", "db_concurrent_change"),
  "22P02": w("validation_failed", "db_invalid_value"),
  "22003": w("validation_failed", "db_number_out_of_range"),
  "22007": w("validation_failed", "db_invalid_datetime"),
  "22008": w("validation_failed", "db_datetime_out_of_range"),
  "22021": w("validation_failed", "db_unstorable_text"),
  "22P05": w("validation_failed", "db_unstorable_text"),
  "55P03": w("service_unavailable", "db_record_busy", BUSY),
  "57014": w("service_unavailable", "db_timeout", BUSY),
};

const PRISMA_CODES: Record<string, () => AppError> = {
  P2025: w("not_found", "db_record_missing"),
  P2002: BY_SQLSTATE["23505"],
  P2003: BY_SQLSTATE["23503"],
  P2034: BY_SQLSTATE["40001"],
};

type TErrLike = {
  code?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown };
};

/**
 * PostgreSQL's SQLSTATE anywhere in the error's chain: node-pg's `code`, or Prisma's
 * `meta.driverAdapterError.cause.originalCode` (raw queries fail as P2010 carrying it).
 */
export function sqlStateOf(err: unknown, depth = 0): string | null {
  if (!err || typeof err !== "object" || depth > 5) return null;
  const e = err as TErrLike;
  for (const c of [e.code, e.originalCode, e.meta?.code])
    if (typeof c === "string" && /^[0-9A-Z]{5}$/.test(c) && !c.startsWith("P")) return c;
  return sqlStateOf(e.meta?.driverAdapterError, depth + 1) ?? sqlStateOf(e.cause, depth + 1);
}

export function mapDbError(err: unknown): AppError | null {
  const state = sqlStateOf(err);
  if (state && BY_SQLSTATE[state]) return BY_SQLSTATE[state]();
  const e = err as { name?: string; code?: unknown } | null;
  if (e?.name === "PrismaClientKnownRequestError" && typeof e.code === "string")
    return PRISMA_CODES[e.code]?.() ?? null;
  return null;
}
