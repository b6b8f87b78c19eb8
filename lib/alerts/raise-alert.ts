import "server-only";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { jsonb, sqlDb } from "../db";
import { newId } from "../ids";
import { foldKeyOf, moreSevere, type TAlertSignal, type TSeverity } from "./rules";

// Opens an alert for a signal, or folds it into the unresolved alert with the same fold key
// (occurrences + 1, last seen now): a condition that holds for an hour is one alert, not sixty.
// Acknowledged alerts absorb duplicates too, so acknowledging silences repeats until resolved.

export type TRaiseResult = { id: string; created: boolean };

function lockKey(foldKey: string): bigint {
  // Two instances evaluating the same rule at once must not both create: they serialise on a
  // transaction-scoped advisory lock derived from the fold key.
  return createHash("sha256").update(foldKey).digest().readBigInt64BE(0);
}

export async function raiseAlert(s: TAlertSignal, now: Date = new Date()): Promise<TRaiseResult> {
  const foldKey = foldKeyOf(s);
  return sqlDb.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${lockKey(foldKey)})`.execute(trx);
    const existing = await trx
      .selectFrom("Alert")
      .select(["id", "severity"])
      .where("foldKey", "=", foldKey)
      .where("state", "in", ["open", "acknowledged"])
      .orderBy("openedAt", "desc")
      .limit(1)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable("Alert")
        .set((eb) => ({
          occurrences: eb("occurrences", "+", 1),
          lastSeenAt: now,
          details: jsonb(s.details),
          title: s.title,
          severity: moreSevere(existing.severity as TSeverity, s.severity),
        }))
        .where("id", "=", existing.id)
        .execute();
      return { id: existing.id, created: false };
    }
    const id = newId("alr");
    await trx
      .insertInto("Alert")
      .values({
        id,
        rule: s.rule,
        foldKey,
        severity: s.severity,
        title: s.title,
        details: jsonb(s.details),
        state: "open",
        openedAt: now,
        lastSeenAt: now,
      })
      .execute();
    return { id, created: true };
  });
}
