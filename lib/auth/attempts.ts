import "server-only";
import { sql } from "kysely";
import { sqlDb } from "../db";

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

// The counter columns' new values, as SQL over the row being updated (`table` names it: in
// ON CONFLICT DO UPDATE the bare column names would be ambiguous with EXCLUDED's). A lock that has
// passed starts a new series at 1; the MAX-th failure in a row sets the lock.
function reserved(table: "User" | "LoginThrottle", lockUntil: Date) {
  const lockedUntil = sql.ref(`${table}.lockedUntil`);
  const n = sql<number>`CASE WHEN ${lockedUntil} IS NOT NULL THEN 1 ELSE ${sql.ref(`${table}.failedLogins`)} + 1 END`;
  return {
    failedLogins: n,
    // ::timestamptz: a CASE whose other branch is NULL gives PostgreSQL no type to infer.
    lockedUntil: sql<Date | null>`CASE WHEN ${n} >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END`,
  };
}

// Reserves one password evaluation, atomically and BEFORE the password is checked: one SQL
// statement counts the attempt as a failure up front and, on the MAX-th one, sets the lock.
// No slot (null) while a lock is in force. Concurrent attempts queue on the row's lock and each
// re-reads the updated row, so however many arrive at once, at most MAX_FAILED_LOGINS are
// evaluated per lock window. A right password calls clearAttempts() and the count starts over.
export async function reserveAttempt(key: TAttemptKey): Promise<TAttemptSlot | null> {
  const now = new Date();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MS);
  const row =
    "userId" in key
      ? await sqlDb
          .updateTable("User")
          .set(reserved("User", lockUntil))
          .where("id", "=", key.userId)
          // NULL <= x is NULL, not true: an unlocked row is spelled out.
          .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<=", now)]))
          .returning(["failedLogins as n", "lockedUntil"])
          .executeTakeFirst()
      : await sqlDb
          .insertInto("LoginThrottle")
          .values({ email: key.email, failedLogins: 1, lockedUntil: null, updatedAt: now })
          .onConflict((oc) =>
            oc
              .column("email")
              .doUpdateSet({ ...reserved("LoginThrottle", lockUntil), updatedAt: now })
              .where((eb) =>
                eb.or([
                  eb("LoginThrottle.lockedUntil", "is", null),
                  eb("LoginThrottle.lockedUntil", "<=", now),
                ]),
              ),
          )
          .returning(["failedLogins as n", "lockedUntil"])
          .executeTakeFirst();
  if (!row) return null;
  return { n: Number(row.n), locks: row.lockedUntil !== null };
}

// The password was right: the series of failures ends (and a lock set by this very attempt's
// reservation is lifted).
export async function clearAttempts(key: TAttemptKey): Promise<void> {
  if ("userId" in key) {
    await sqlDb
      .updateTable("User")
      .set({ failedLogins: 0, lockedUntil: null })
      .where("id", "=", key.userId)
      .execute();
    return;
  }
  await sqlDb.deleteFrom("LoginThrottle").where("email", "=", key.email).execute();
}

// Counters of unknown emails that are neither locked nor recent are dropped (called now and then
// on every successful sign-in, so sprayed addresses cannot grow the table without bound).
export async function forgetOldThrottles(): Promise<void> {
  const now = Date.now();
  await sqlDb
    .deleteFrom("LoginThrottle")
    .where("updatedAt", "<", new Date(now - THROTTLE_FORGET_MS))
    .where((eb) => eb.or([eb("lockedUntil", "is", null), eb("lockedUntil", "<", new Date(now))]))
    .execute();
}
