import "server-only";
import { AppError } from "./app-error";

// Database errors from either layer — Prisma Client (its own codes, or a driver-adapter error
// carrying PostgreSQL's) and Kysely (node-pg's DatabaseError) — mapped by SQLSTATE to the same
// documented error codes (docs/ARCHITECTURE.md "One error shape"). The message never carries the
// statement, its parameters or the row: only what a caller may be told.
const BY_SQLSTATE: Record<string, () => AppError> = {
  "23505": () => new AppError("conflict", "A record with the same unique value already exists"),
  "23503": () => new AppError("unprocessable", "It refers to a record that does not exist"),
  "23514": () => new AppError("unprocessable", "A value breaks one of the data's rules"),
  "23502": () => new AppError("unprocessable", "A required value is missing"),
  "40P01": () => new AppError("conflict", "A concurrent change won; try again"),
  "40001": () => new AppError("conflict", "A concurrent change won; try again"),
  "22P02": () => new AppError("validation_failed", "A value has the wrong form"),
  "22003": () => new AppError("validation_failed", "A number is out of range"),
  "22007": () => new AppError("validation_failed", "A date or time has the wrong form"),
  "22008": () => new AppError("validation_failed", "A date or time is out of range"),
  "22021": () => new AppError("validation_failed", "Text holds characters that cannot be stored"),
  "22P05": () => new AppError("validation_failed", "Text holds characters that cannot be stored"),
  "55P03": () =>
    new AppError("service_unavailable", "The record is busy; try again", {
      headers: { "retry-after": "1" },
    }),
  "57014": () =>
    new AppError("service_unavailable", "The database took too long; try again", {
      headers: { "retry-after": "1" },
    }),
};

const PRISMA_CODES: Record<string, () => AppError> = {
  P2025: () => new AppError("not_found", "The record does not exist"),
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
