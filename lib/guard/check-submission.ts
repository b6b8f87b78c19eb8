import "server-only";
import type { TSqlRunner } from "../db";
import { AppError } from "../api/app-error";
import { LIVE_STATES } from "../operations/transition";
import { startOfBogotaDay } from "./bogota-day";
import { sqlUtc } from "../sql-time";
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
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_OPERATOR}, hashtext(${c.userId}))`;
  if (c.beneficiaryKey)
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_BENEFICIARY}, hashtext(${c.beneficiaryKey}))`;

  const live = LIVE_STATES as string[];
  const [used] = await tx.$queryRaw<{ sum: bigint | null }[]>`
    SELECT SUM(amount)::bigint AS sum FROM "Operation"
    WHERE "createdById" = ${c.userId} AND "createdAt" >= ${sqlUtc(startOfBogotaDay(now))}::timestamp(3) AND state::text = ANY(${live})`;
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

  if (!c.beneficiaryKey) return;
  const since = new Date(now.getTime() - policy.duplicateWindowHours * 3_600_000);
  const matches = await tx.$queryRaw<
    { id: string; state: string; createdAt: Date; createdById: string }[]
  >`
    SELECT id, state::text AS state, "createdAt", "createdById" FROM "Operation"
    WHERE "beneficiaryKey" = ${c.beneficiaryKey} AND amount = ${c.amount} AND "createdAt" >= ${sqlUtc(since)}::timestamp(3) AND state::text = ANY(${live})
    ORDER BY "createdAt" DESC LIMIT 5`;
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
