import { z } from "zod";

// Schema parts for ids, cursors and times that reach PostgreSQL from a URL. A value the column
// cannot hold (an id past bigint, a time PostgreSQL will not parse) is a validation error here —
// 400 validation_failed with the path — instead of a database error (a 500) later. Pure module:
// the list filters that use it are parsed in the browser too.

/** The largest value of a PostgreSQL bigint (int8), the type of every numeric id and sequence. */
export const INT8_MAX = 9_223_372_036_854_775_807n;

// Times are stored as timestamp(3) and sent as ISO text: years 1 to 9999 only. Year 0 (1 BC) is
// refused by PostgreSQL as written, and a year past 9999 is written "+033658-…", which it does not
// parse.
export const STORABLE_MIN_MS = Date.parse("0001-01-01T00:00:00.000Z");
export const STORABLE_MAX_MS = Date.parse("9999-12-31T23:59:59.999Z");

export function isStorableTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= STORABLE_MIN_MS && ms <= STORABLE_MAX_MS;
}

function isInt8(digits: string): boolean {
  return /^\d{1,19}$/.test(digits) && BigInt(digits) <= INT8_MAX;
}

/** A bigint id or sequence number as decimal text (`"42"`), 0 … 9223372036854775807. */
export function zBigintId(message = "A numeric id") {
  return z
    .string()
    .regex(/^\d{1,19}$/, message)
    .refine(isInt8, `${message}: at most ${INT8_MAX}`);
}

/** An ISO 8601 UTC time (`2026-12-04T17:02:00Z`) in the years PostgreSQL stores (1 … 9999). */
export function zStorableDateTime() {
  return z.iso
    .datetime()
    .refine((s) => isStorableTime(Date.parse(s)), "A time between the years 1 and 9999");
}

/**
 * A keyset cursor `"<epoch ms>_<bigint id>"` (a row's time and id, the tiebreak). Both parts must
 * fit their columns: the time in years 1 … 9999, the id in a bigint.
 */
export function zTimeIdCursor(message = "A cursor from a previous page") {
  return z
    .string()
    .regex(/^\d{1,15}_\d{1,19}$/, message)
    .refine((s) => {
      const [ms, id] = s.split("_");
      return isStorableTime(Number(ms)) && isInt8(id);
    }, `${message}: out of range`);
}

/** Splits a cursor that zTimeIdCursor accepted. */
export function parseTimeIdCursor(cursor: string): { at: Date; id: bigint } {
  const [ms, id] = cursor.split("_");
  return { at: new Date(Number(ms)), id: BigInt(id) };
}
