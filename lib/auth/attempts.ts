import "server-only";
import { pgSql } from "../db-legacy";

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
// Counters of unknown emails that saw no failure for this long are forgotten.
const THROTTLE_FORGET_MS = 24 * 60 * 60 * 1000;

// Whose password is being tried: a user (sign-in with a known email, step-up) or an email that
// belongs to no user. Both are counted by the same rule, so they answer alike.
export type TAttemptKey = { userId: string } | { email: string };

// The attempt's slot: `n` is the number of failures in a row this attempt would make if its
// password is wrong; `locks` says it is the attempt that locked the account (the lock is already
// set, and lifted again if the password turns out to be right).
export type TAttemptSlot = { n: number; locks: boolean };

// Reserves one password evaluation, atomically and BEFORE the password is checked: one SQL
// statement counts the attempt as a failure up front and, on the MAX-th one, sets the lock.
// No slot (null) while a lock is in force. Concurrent attempts queue on the row's lock and each
// re-reads the updated row, so however many arrive at once, at most MAX_FAILED_LOGINS are
// evaluated per lock window. A right password calls clearAttempts() and the count starts over.
export async function reserveAttempt(key: TAttemptKey): Promise<TAttemptSlot | null> {
  const now = new Date();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  // A lock that has passed starts a new series at 1. (NULL > x is NULL: spelled out.)
  const rows =
    "userId" in key
      ? await pgSql.$queryRaw<{ n: number; lockedUntil: Date | null }[]>`
        UPDATE "User" SET
          "failedLogins" = CASE WHEN "lockedUntil" IS NOT NULL THEN 1 ELSE "failedLogins" + 1 END,
          "lockedUntil" = CASE
            WHEN (CASE WHEN "lockedUntil" IS NOT NULL THEN 1 ELSE "failedLogins" + 1 END) >= ${MAX_FAILED_LOGINS}
            THEN ${lockUntil}::timestamptz ELSE NULL END
        WHERE id = ${key.userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz)
        RETURNING "failedLogins" AS n, "lockedUntil"`
      : await pgSql.$queryRaw<{ n: number; lockedUntil: Date | null }[]>`
        INSERT INTO "LoginThrottle" AS t (email, "failedLogins", "lockedUntil", "updatedAt")
        VALUES (${key.email}, 1, NULL, ${now}::timestamptz)
        ON CONFLICT (email) DO UPDATE SET
          "failedLogins" = CASE WHEN t."lockedUntil" IS NOT NULL THEN 1 ELSE t."failedLogins" + 1 END,
          "lockedUntil" = CASE
            WHEN (CASE WHEN t."lockedUntil" IS NOT NULL THEN 1 ELSE t."failedLogins" + 1 END) >= ${MAX_FAILED_LOGINS}
            THEN ${lockUntil}::timestamptz ELSE NULL END,
          "updatedAt" = ${now}::timestamptz
        WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamptz
        RETURNING "failedLogins" AS n, "lockedUntil"`;
  const row = rows[0];
  if (!row) return null;
  return { n: Number(row.n), locks: row.lockedUntil !== null };
}

// The password was right: the series of failures ends (and a lock set by this very attempt's
// reservation is lifted).
export async function clearAttempts(key: TAttemptKey): Promise<void> {
  if ("userId" in key) {
    await pgSql.$executeRaw`
      UPDATE "User" SET "failedLogins" = 0, "lockedUntil" = NULL WHERE id = ${key.userId}`;
    return;
  }
  await pgSql.$executeRaw`DELETE FROM "LoginThrottle" WHERE email = ${key.email}`;
}

// Counters of unknown emails that are neither locked nor recent are dropped (called now and then
// on every successful sign-in, so sprayed addresses cannot grow the table without bound).
export async function forgetOldThrottles(): Promise<void> {
  const now = Date.now();
  await pgSql.$executeRaw`
    DELETE FROM "LoginThrottle"
    WHERE "updatedAt" < ${new Date(now - THROTTLE_FORGET_MS)}::timestamptz
      AND ("lockedUntil" IS NULL OR "lockedUntil" < ${new Date(now)}::timestamptz)`;
}
