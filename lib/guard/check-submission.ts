import "server-only";
import type { TTx } from "../db";
import { AppError } from "../api/app-error";
import { LIVE_STATES } from "../operations/transition";
import { startOfBogotaDay } from "./bogota-day";
import type { TPolicySettings } from "./policy-schema";

// Keys for pg_advisory_xact_lock: submissions by one operator, and to one beneficiary, are
// serialised so the daily cap and the duplicate detector are exact under concurrency.
const LOCK_OPERATOR = 71_001;
const LOCK_BENEFICIARY = 71_002;

export type TSubmissionCheck = { userId: string; amount: bigint; beneficiaryKey: string | null; duplicateReason?: string };

// Runs inside Phase A's transaction, after the locks: the per-operator daily cap (Bogotá day) and
// the duplicate detector (same beneficiary and amount within the window needs a typed reason).
export async function checkSubmission(tx: TTx, c: TSubmissionCheck, policy: TPolicySettings, now = new Date()): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_OPERATOR}, hashtext(${c.userId}))`;
  if (c.beneficiaryKey) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_BENEFICIARY}, hashtext(${c.beneficiaryKey}))`;

  const used = await tx.operation.aggregate({
    _sum: { amount: true },
    where: { createdById: c.userId, createdAt: { gte: startOfBogotaDay(now) }, state: { in: LIVE_STATES } },
  });
  const usedMinor = used._sum.amount ?? 0n;
  const cap = BigInt(policy.dailyCapPerOperator);
  if (usedMinor + c.amount > cap) {
    throw new AppError("unprocessable", "This would exceed your daily cap", {
      errors: [{ path: "/amount", message: "Over the per-operator daily cap", code: "daily_cap_exceeded" }],
      meta: { reason: "daily_cap_exceeded", cap, used: usedMinor, remaining: cap > usedMinor ? cap - usedMinor : 0n },
    });
  }

  if (!c.beneficiaryKey) return;
  const since = new Date(now.getTime() - policy.duplicateWindowHours * 3_600_000);
  const matches = await tx.operation.findMany({
    where: { beneficiaryKey: c.beneficiaryKey, amount: c.amount, createdAt: { gte: since }, state: { in: LIVE_STATES } },
    select: { id: true, state: true, createdAt: true, createdById: true },
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  if (matches.length > 0 && !c.duplicateReason) {
    throw new AppError("conflict", `The same amount went to this beneficiary in the last ${policy.duplicateWindowHours} h; confirm with a reason to send it again`, {
      errors: [{ path: "/duplicateReason", message: "Required: this looks like a duplicate", code: "duplicate_suspected" }],
      meta: { reason: "duplicate_suspected", matches },
    });
  }
}
