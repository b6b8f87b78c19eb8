import "server-only";
import { sql } from "kysely";
import type { TSqlDb } from "../db";
import { LIVE_STATES } from "../operations/transition";
import { startOfBogotaDay } from "./bogota-day";

// The guard's statements (lib/guard/guard-money-change.ts), all inside its one transaction.

// pg_advisory_xact_lock keys: submissions by one operator, and to one beneficiary, are serialised
// so the daily cap and the duplicate detector are exact under concurrency. Beneficiaries hash into
// 256 buckets, so a 1,000-row batch takes at most 256 locks.
const LOCK_OPERATOR = 71_001;
const LOCK_BENEFICIARY = 71_002;

export type TDuplicateMatch = {
  id: string;
  state: string;
  createdAt: Date;
  createdById: string;
};
export type TDuplicateFinding = {
  row: number;
  // an earlier row of the same change with the same account and amount, or null
  sameAsRow: number | null;
  matches: TDuplicateMatch[];
};

export async function lockMoneyChange(
  trx: TSqlDb,
  userId: string,
  rows: { beneficiaryKey: string | null }[],
): Promise<void> {
  // Operator first, then beneficiary buckets in ascending order: every transaction takes its
  // locks in the same global order, so two submissions can wait for each other but never deadlock.
  // The locks come in statements of their own, before the reads: a statement's snapshot is taken
  // when it starts, so a read in the statement that waited could miss what the holder committed.
  await sql`SELECT pg_advisory_xact_lock(${LOCK_OPERATOR}, hashtext(${userId}))`.execute(trx);
  const keys = rows.flatMap((r) => (r.beneficiaryKey ? [r.beneficiaryKey] : []));
  if (keys.length === 0) return;
  await sql`SELECT count(pg_advisory_xact_lock(${LOCK_BENEFICIARY}, b)) FROM (
    SELECT DISTINCT hashtext(k) & 255 AS b FROM unnest(${keys}::text[]) AS k ORDER BY 1) AS buckets`.execute(
    trx,
  );
}

/** The operator's live total created today (Bogotá day), the operation being edited excepted. */
export async function readDailyUse(
  trx: TSqlDb,
  userId: string,
  now: Date,
  exceptOperationId?: string,
): Promise<bigint> {
  const row = await trx
    .selectFrom("Operation")
    .select(sql<bigint | null>`sum(amount)::bigint`.as("sum"))
    .where("createdById", "=", userId)
    .where("createdAt", ">=", startOfBogotaDay(now))
    .where("state", "in", LIVE_STATES)
    .where("id", "<>", exceptOperationId ?? "")
    .executeTakeFirst();
  return row?.sum ?? 0n;
}

/**
 * Rows that repeat an earlier row of the same change (same account, same amount), and rows that
 * match a live payout or transfer row inside the window — up to 5 matches each, by index:
 * Operation(beneficiaryKey, createdAt) for payouts and single transfers, OperationItem(bankCode,
 * accountNumber, amount) for batch rows.
 */
export async function findDuplicates(
  trx: TSqlDb,
  rows: { beneficiaryKey: string | null; amount: bigint }[],
  o: { since: Date; operationId?: string },
): Promise<TDuplicateFinding[]> {
  const findings = new Map<number, TDuplicateFinding>();
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.beneficiaryKey) return;
    const k = `${r.beneficiaryKey}|${r.amount}`;
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, i);
    else findings.set(i, { row: i, sameAsRow: earlier, matches: [] });
  });
  const asked = rows.flatMap((r, i) => (r.beneficiaryKey ? [{ i, ...r }] : []));
  if (asked.length === 0) return [];
  const live = LIVE_STATES as string[];
  const except = o.operationId ?? "";
  const since = o.since;
  const { rows: hits } = await sql<TDuplicateMatch & { i: number }>`
    SELECT r.i, m.id, m.state, m."createdAt", m."createdById"
    FROM unnest(${asked.map((a) => a.i)}::int[], ${asked.map((a) => a.beneficiaryKey)}::text[],
      ${asked.map((a) => a.amount.toString())}::bigint[]) AS r(i, key, amount)
    CROSS JOIN LATERAL (
      (SELECT o.id, o.state::text AS state, o."createdAt", o."createdById" FROM "Operation" o
        WHERE o."beneficiaryKey" = r.key AND o.amount = r.amount AND o."createdAt" >= ${since}
          AND o.state::text = ANY(${live}) AND o.id <> ${except}
        ORDER BY o."createdAt" DESC LIMIT 5)
      UNION
      (SELECT o.id, o.state::text AS state, o."createdAt", o."createdById"
        FROM "OperationItem" it JOIN "Operation" o ON o.id = it."operationId"
        WHERE it."bankCode" = split_part(r.key, ':', 1) AND it."accountNumber" = split_part(r.key, ':', 2)
          AND it.amount = r.amount AND o."createdAt" >= ${since}
          AND o.state::text = ANY(${live}) AND o.id <> ${except}
        ORDER BY o."createdAt" DESC LIMIT 5)
    ) AS m
    ORDER BY r.i, m."createdAt" DESC`.execute(trx);
  for (const h of hits) {
    const f = findings.get(h.i) ?? { row: h.i, sameAsRow: null, matches: [] };
    if (f.matches.length < 5)
      f.matches.push({
        id: h.id,
        state: h.state,
        createdAt: h.createdAt,
        createdById: h.createdById,
      });
    findings.set(h.i, f);
  }
  return [...findings.values()].sort((a, b) => a.row - b.row);
}
