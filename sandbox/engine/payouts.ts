// Core payouts: pending (hold placed) → processing → settled (hold debited) | failed (hold
// released). Each posting happens at most once, guarded by flags on the record, so a replayed
// task, an admin override or a state-file restore can never move money twice.
import type {
  TMonoCreatePayoutRequest,
  TMonoPayout,
  TMonoPayoutMethod,
  TMonoPayoutStateReason,
  TMonoRouting,
} from "../../lib/mono/contract";
import type { Sandbox } from "../context";
import { fail, MonoError } from "../errors";
import { newId } from "../ids";
import { omit } from "../omit";
import { outcomeFor, settleDelayMs } from "../magic";
import type { TLedgerAccountRec, TPayoutRec } from "../state";
import { checkAmount } from "../validate";
import { post } from "./ledger";

/** Fixed bank fee per method (minor units) plus GMF (4×1000 tax) on the amount credited. */
const BANK_FEE: Record<TMonoPayoutMethod, number> = {
  co_ach: 200_000,
  co_mono_turbo: 300_000,
  co_transfiya: 100_000,
  co_breb: 0,
};
const GMF_PER_THOUSAND = 4;
const RAIL: Record<TMonoPayoutMethod, TMonoRouting> = {
  co_ach: "ach",
  co_mono_turbo: "turbo",
  co_transfiya: "transfiya",
  co_breb: "transfiya",
};
const TO_PROCESSING_MS = 1_000;

export function gmf(target: number): number {
  return Math.round((target * GMF_PER_THOUSAND) / 1000);
}

/** target from source: the largest target whose target + fees ≤ source. */
function targetFromSource(source: number, fee: number): number {
  let t = Math.floor(((source - fee) * 1000) / (1000 + GMF_PER_THOUSAND));
  while (t + fee + gmf(t + 1) + 1 <= source) t++;
  while (t > 0 && t + fee + gmf(t) > source) t--;
  return t;
}

export function resolveLedgerAccount(sb: Sandbox, id: string, path: string): TLedgerAccountRec {
  const acc = sb.state.ledgerAccounts.get(id);
  if (!acc) fail(422, "item_not_found", "The ledger account doesn't exist.", path);
  if (acc.state !== "active")
    fail(422, "account_not_active", `The ledger account is ${acc.state}.`, path);
  return acc;
}

export type TCreatePayoutResult = { status: 200 | 201; payout: TPayoutRec };

export function createPayout(sb: Sandbox, input: TMonoCreatePayoutRequest): TCreatePayoutResult {
  const existingId = sb.state.payoutsByExternalId.get(input.external_id);
  const existing = existingId ? sb.state.payouts.get(existingId) : undefined;
  if (existing) return { status: 200, payout: existing };

  const account = resolveLedgerAccount(sb, input.account_id, "#/account_id");
  const hasSource = input.source_amount != null;
  const hasTarget = input.target_amount != null;
  if (hasSource === hasTarget) {
    fail(
      422,
      "validation_error",
      "Send exactly one of source_amount or target_amount; the other must be null.",
      hasSource ? "#/target_amount" : "#/source_amount",
    );
  }
  const given = (input.source_amount ?? input.target_amount)!;
  const givenPath = hasSource ? "#/source_amount" : "#/target_amount";
  const bad = checkAmount(given.amount, `${givenPath}/amount`);
  if (bad) throw new MonoError(422, [bad]);
  if (given.currency !== account.currency_code || input.target.currency !== account.currency_code) {
    fail(
      422,
      "currency_mismatch",
      `The account's currency is ${account.currency_code}.`,
      `${givenPath}/currency`,
    );
  }
  const fee = BANK_FEE[input.method];
  const target = hasTarget ? given.amount : targetFromSource(given.amount, fee);
  if (target <= 0)
    fail(422, "invalid_amount", "The amount does not cover the fees.", `${givenPath}/amount`);
  const source = hasSource ? given.amount : target + fee + gmf(target);

  const now = sb.nowIso();
  const cur = account.currency_code;
  const payout: TPayoutRec = {
    id: newId("cpout"),
    account_id: account.id,
    target: input.target,
    method: input.method,
    method_params: input.method_params ?? null,
    source_amount: { amount: source, currency: cur },
    target_amount: { amount: target, currency: cur },
    calculated_fees: {
      bank_transfer: { id: newId("fee"), amount: { amount: fee, currency: cur } },
      bank_transfer_gmf: {
        id: newId("fee"),
        amount: { amount: source - target - fee, currency: cur },
      },
    },
    description: input.description ?? null,
    external_id: input.external_id,
    metadata: input.metadata ?? {},
    reference: input.reference ?? null,
    state: "pending",
    state_reason: null,
    inserted_at: now,
    updated_at: now,
    held: false,
    settled: false,
    released: false,
  };
  sb.state.payouts.set(payout.id, payout);
  sb.state.payoutsByExternalId.set(payout.external_id, payout.id);
  sb.state.payoutCreatesByExternalId.set(
    payout.external_id,
    (sb.state.payoutCreatesByExternalId.get(payout.external_id) ?? 0) + 1,
  );
  sb.tagResource(payout.id);

  if (account.available < source) {
    // Accepted but cannot be funded: the payout is created already failed and nothing moves.
    payout.state = "failed";
    payout.state_reason = "insufficient_funds";
    sb.webhooks.emit("payout_failed", view(payout), payout.id);
  } else {
    post(sb, {
      account,
      type: "hold",
      amount: source,
      origin: "payout",
      idInOrigin: payout.id,
      description: `Payout ${payout.external_id}`,
    });
    payout.held = true;
    sb.webhooks.emit("payout_created", view(payout), payout.id);
    sb.clock.in(TO_PROCESSING_MS, { kind: "payout", id: payout.id });
  }
  sb.onChange();
  return { status: 201, payout };
}

/** Scheduler task: one step of the payout's state machine. */
export function advancePayout(sb: Sandbox, id: string): void {
  const p = sb.state.payouts.get(id);
  if (!p) return;
  if (p.state === "pending") {
    setState(sb, p, "processing", null);
    const rail = RAIL[p.method];
    sb.clock.in(settleDelayMs(rail, p.target.payee.document_number), { kind: "payout", id: p.id });
  } else if (p.state === "processing") {
    const o = outcomeFor(RAIL[p.method], p.target.payee.document_number);
    finishPayout(sb, p, o.approved ? "settled" : "failed", o.approved ? null : o.reason);
  }
}

/** Final state: debits the hold once (settled) or releases it once (failed). */
export function finishPayout(
  sb: Sandbox,
  p: TPayoutRec,
  state: "settled" | "failed",
  reason: TMonoPayoutStateReason | null,
): void {
  if (p.state === "settled" || p.state === "failed") return;
  const account = sb.state.ledgerAccounts.get(p.account_id);
  if (account && p.held && !p.settled && !p.released) {
    const amount = p.source_amount.amount;
    if (state === "settled") {
      post(sb, {
        account,
        type: "debit",
        amount,
        origin: "payout",
        idInOrigin: p.id,
        description: `Payout ${p.external_id}`,
        fromHold: true,
      });
      p.settled = true;
    } else {
      post(sb, {
        account,
        type: "release",
        amount,
        origin: "payout",
        idInOrigin: p.id,
        description: `Payout ${p.external_id} failed`,
      });
      p.released = true;
    }
  }
  setState(sb, p, state, reason);
}

function setState(
  sb: Sandbox,
  p: TPayoutRec,
  state: TPayoutRec["state"],
  reason: TMonoPayoutStateReason | null,
): void {
  p.state = state;
  p.state_reason = reason;
  p.updated_at = sb.nowIso();
  const event =
    state === "processing"
      ? "payout_processing"
      : state === "settled"
        ? "payout_settled"
        : state === "failed"
          ? "payout_failed"
          : "payout_created";
  sb.webhooks.emit(event, view(p), p.id);
  sb.onChange();
}

export function view(p: TPayoutRec): TMonoPayout {
  return omit(p, ["held", "settled", "released"]);
}
