import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TSqlRunner } from "../db";
import { AppError } from "../api/app-error";
import { LIVE_STATES } from "../operations/transition";
import { startOfBogotaDay } from "./bogota-day";
import { utc } from "../sql-time";
import type { TPolicySettings } from "./policy-schema";

// Keys for pg_advisory_xact_lock: submissions by one operator, and to one beneficiary, are
// serialised so the daily cap and the duplicate detector are exact under concurrency.
const LOCK_OPERATOR = 71_001;
const LOCK_BENEFICIARY = 71_002;

export type TSubmissionCheck = {
  userId: string;
  amount: bigint;
  beneficiaryKey: string | null;
  duplicateReason?: string;
};

// Runs inside Phase A's transaction, after the locks: the per-operator daily cap (Bogotá day) and
// the duplicate detector (same beneficiary and amount within the window needs a typed reason).
export async function checkSubmission(
  tx: TSqlRunner,
  c: TSubmissionCheck,
  policy: TPolicySettings,
  now = new Date(),
): Promise<void> {
  // The locks first, in their own statement: a statement's snapshot is taken when it starts, so
  // reads in the same statement as the wait could miss what the lock holder committed. One
  // statement for both keeps the order (operator, then beneficiary) and saves a round trip.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_OPERATOR}, hashtext(${c.userId})),
    ${c.beneficiaryKey ? Prisma.sql`pg_advisory_xact_lock(${LOCK_BENEFICIARY}, hashtext(${c.beneficiaryKey}))` : Prisma.sql`NULL`}`;

  // Both reads in one statement: the operator's total today, and up to 5 live operations to the
  // same beneficiary with the same amount inside the window (none without a beneficiary key).
  const live = LIVE_STATES as string[];
  const since = new Date(now.getTime() - policy.duplicateWindowHours * 3_600_000);
  const rows = await tx.$queryRaw<
    {
      sum: bigint | null;
      id: string | null;
      state: string | null;
      createdAt: Date | null;
      createdById: string | null;
    }[]
  >`
    WITH used AS (
      SELECT SUM(amount)::bigint AS sum FROM "Operation"
      WHERE "createdById" = ${c.userId} AND "createdAt" >= ${utc(startOfBogotaDay(now))} AND state::text = ANY(${live}))
    SELECT used.sum, m.id, m.state, m."createdAt", m."createdById" FROM used LEFT JOIN LATERAL (
      SELECT id, state::text AS state, "createdAt", "createdById" FROM "Operation"
      WHERE "beneficiaryKey" = ${c.beneficiaryKey} AND amount = ${c.amount} AND "createdAt" >= ${utc(since)} AND state::text = ANY(${live})
      ORDER BY "createdAt" DESC LIMIT 5) m ON true`;
  const used = rows[0];
  const usedMinor = used?.sum ?? 0n;
  const cap = BigInt(policy.dailyCapPerOperator);
  if (usedMinor + c.amount > cap) {
    throw new AppError("unprocessable", "This would exceed your daily cap", {
      errors: [
        { path: "/amount", message: "Over the per-operator daily cap", code: "daily_cap_exceeded" },
      ],
      meta: {
        reason: "daily_cap_exceeded",
        cap,
        used: usedMinor,
        remaining: cap > usedMinor ? cap - usedMinor : 0n,
      },
    });
  }

  const matches = rows.flatMap((r) =>
    r.id ? [{ id: r.id, state: r.state, createdAt: r.createdAt, createdById: r.createdById }] : [],
  );
  if (matches.length > 0 && !c.duplicateReason) {
    throw new AppError(
      "conflict",
      `The same amount went to this beneficiary in the last ${policy.duplicateWindowHours} h; confirm with a reason to send it again`,
      {
        errors: [
          {
            path: "/duplicateReason",
            message: "Required: this looks like a duplicate",
            code: "duplicate_suspected",
          },
        ],
        meta: { reason: "duplicate_suspected", matches },
      },
    );
  }
}
