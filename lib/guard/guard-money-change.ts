import "server-only";
import type { Transaction } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { readAvailableBalance } from "../operations/read-available-balance";
import type { TPolicy } from "./get-policy";
import { evaluateTier, type TTier } from "./evaluate-tier";
import { lockMoneyChange, readDailyUse, findDuplicates, type TDuplicateFinding } from "./guard-sql";

/** One beneficiary row of a change: a payout has one, a transfer batch one per transfer. */
export type TMoneyRow = {
  // bank_code:account_number (null: no account to compare, e.g. a Bre-B key not yet resolved)
  beneficiaryKey: string | null;
  amount: bigint;
  // Where the maker's reason for a suspected duplicate goes: "/duplicateReason", "/rows/3/duplicateReason"
  reasonPath: string;
  duplicateReason?: string;
};

export type TMoneyChange = {
  userId: string;
  sourceAccountId: string;
  amount: bigint; // what the beneficiaries receive in all
  fee: bigint;
  rows: TMoneyRow[];
  // An edit is judged like a new submission, except that the operation does not count against itself.
  operationId?: string;
};

export type TVerdict = {
  tier: Exclude<TTier, { kind: "refused" }>;
  available: bigint;
  state: "approved" | "pending_approval";
  // The kill switch pauses sending, not deciding: an approved change waits for the switch.
  paused: boolean;
  policy: TPolicy;
};

// The one guard of every change of money — a new payout, a transfer batch, an edit of amount or
// beneficiary (docs/PAYOUTS.md "The guard"). In order: the amount tier, the balance pre-check
// (Mono's balance), then ONE transaction that serialises on the operator and on every
// beneficiary (advisory locks), checks the per-operator daily cap and the duplicate detector, and
// runs `write` — the caller's inserts or updates and the Idempotency-Key binding — so what was
// checked is what commits. Re-sends of an operation already judged (retry, resume, recovery,
// backlog) change no money: they pass only the kill switch, in sendOperation.
export async function guardMoneyChange<T>(
  change: TMoneyChange,
  policy: TPolicy,
  write: (trx: Transaction<DB>, verdict: TVerdict) => Promise<T>,
): Promise<{ verdict: TVerdict; result: T }> {
  const { settings } = policy;
  const tier = evaluateTier(change.amount, settings);
  if (tier.kind === "refused") {
    throw new AppError("unprocessable", "This amount is above the largest the console may send", {
      errors: [{ path: "/amount", message: "Over the refusal tier", code: "amount_over_limit" }],
      meta: { reason: "amount_over_limit", max: BigInt(settings.tiers.twoApproversMax) },
    });
  }
  const available = await readAvailableBalance(change.sourceAccountId);
  const required = change.amount + change.fee;
  if (available < required) {
    throw new AppError("unprocessable", "The source account cannot cover this amount plus fees", {
      errors: [{ path: "/amount", message: "Insufficient balance", code: "insufficient_balance" }],
      meta: {
        reason: "insufficient_balance",
        available,
        required,
        shortfall: required - available,
      },
    });
  }
  const verdict: TVerdict = {
    tier,
    available,
    state: tier.requiredApprovals === 0 ? "approved" : "pending_approval",
    paused: settings.killSwitch,
    policy,
  };
  const result = await sqlDb.transaction().execute(async (trx) => {
    const now = new Date();
    await lockMoneyChange(trx, change.userId, change.rows);
    const used = await readDailyUse(trx, change.userId, now, change.operationId);
    assertUnderCap(used, change.amount, BigInt(settings.dailyCapPerOperator));
    const findings = await findDuplicates(trx, change.rows, {
      since: new Date(now.getTime() - settings.duplicateWindowHours * 3_600_000),
      operationId: change.operationId,
    });
    assertDuplicatesExplained(change.rows, findings, settings.duplicateWindowHours);
    return write(trx, verdict);
  });
  return { verdict, result };
}

function assertUnderCap(used: bigint, amount: bigint, cap: bigint): void {
  if (used + amount <= cap) return;
  throw new AppError("unprocessable", "This would exceed your daily cap", {
    errors: [
      { path: "/amount", message: "Over the per-operator daily cap", code: "daily_cap_exceeded" },
    ],
    meta: {
      reason: "daily_cap_exceeded",
      cap,
      used,
      remaining: cap > used ? cap - used : 0n,
    },
  });
}

// A row is a suspected duplicate when an earlier row of the same change pays the same account the
// same amount, or a live operation did so inside the window. Each such row needs its own reason.
function assertDuplicatesExplained(
  rows: TMoneyRow[],
  findings: TDuplicateFinding[],
  windowHours: number,
): void {
  const unexplained = findings.filter((f) => !rows[f.row].duplicateReason);
  if (unexplained.length === 0) return;
  const single = rows.length === 1;
  throw new AppError(
    "conflict",
    single
      ? `The same amount went to this beneficiary in the last ${windowHours} h; confirm with a reason to send it again`
      : `${unexplained.length} row(s) pay an account the same amount as another row or a recent operation (last ${windowHours} h); give each a reason to send it anyway`,
    {
      errors: unexplained.map((f) => ({
        path: rows[f.row].reasonPath,
        message:
          f.sameAsRow !== null
            ? `Required: same account and amount as row ${f.sameAsRow + 1}`
            : "Required: this looks like a duplicate",
        code: "duplicate_suspected",
      })),
      meta: {
        reason: "duplicate_suspected",
        // Single payouts and transfers: the earlier operations, as before.
        matches: single ? unexplained[0].matches : undefined,
        rows: single ? undefined : unexplained,
      },
    },
  );
}
