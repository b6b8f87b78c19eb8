import "server-only";
import type { Transaction } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { moneyParam } from "../api/error-params";
import { readAvailableBalance } from "../operations/read-available-balance";
import type { TPolicy } from "./get-policy";
import { evaluateTier, type TTier } from "./evaluate-tier";
import { lockMoneyChange, readDailyUse, findDuplicates, type TDuplicateFinding } from "./guard-sql";
import { guardFieldError, refusal } from "./refusal-words";

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
    const max = moneyParam(settings.tiers.twoApproversMax);
    throw AppError.worded(
      "unprocessable",
      refusal("amount_over_limit", { amount: moneyParam(change.amount), max }),
      {
        errors: [guardFieldError("/amount", "amount_over_limit", { max })],
        meta: { reason: "amount_over_limit", max: BigInt(settings.tiers.twoApproversMax) },
      },
    );
  }
  const available = await readAvailableBalance(change.sourceAccountId);
  const required = change.amount + change.fee;
  if (available < required) {
    const shortfall = required - available;
    throw AppError.worded(
      "unprocessable",
      refusal("insufficient_balance", {
        available: moneyParam(available),
        required: moneyParam(required),
        shortfall: moneyParam(shortfall),
      }),
      {
        errors: [
          guardFieldError("/amount", "insufficient_balance", { shortfall: moneyParam(shortfall) }),
        ],
        meta: { reason: "insufficient_balance", available, required, shortfall },
      },
    );
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
  const remaining = cap > used ? cap - used : 0n;
  throw AppError.worded(
    "unprocessable",
    refusal("daily_cap_exceeded", {
      cap: moneyParam(cap),
      used: moneyParam(used),
      remaining: moneyParam(remaining),
    }),
    {
      errors: [
        guardFieldError("/amount", "daily_cap_exceeded", { remaining: moneyParam(remaining) }),
      ],
      meta: { reason: "daily_cap_exceeded", cap, used, remaining },
    },
  );
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
  throw AppError.worded(
    "conflict",
    single
      ? refusal("duplicate_suspected", { hours: windowHours })
      : refusal("duplicate_rows_suspected", { rows: unexplained.length, hours: windowHours }),
    {
      errors: unexplained.map((f) =>
        f.sameAsRow !== null
          ? guardFieldError(rows[f.row].reasonPath, "duplicate_of_row", { row: f.sameAsRow + 1 })
          : guardFieldError(rows[f.row].reasonPath, "duplicate_suspected", {}),
      ),
      meta: {
        reason: "duplicate_suspected",
        // Single payouts and transfers: the earlier operations, as before.
        matches: single ? unexplained[0].matches : undefined,
        rows: single ? undefined : unexplained,
      },
    },
  );
}
