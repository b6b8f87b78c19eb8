// Ledger postings. The ledger is append-only and is the only way a Core balance changes:
//   credit  → available += a            hold    → available -= a, pending += a
//   debit   → available -= a            release → pending -= a, available += a
//   debit of a hold (payout settled)   → pending -= a
// so available + pending always equals the sum of the account's postings.
import type {
  TMonoLedgerOperationType,
  TMonoLedgerOrigin,
  TMonoLedgerTransaction,
} from "../../lib/mono/contract";
import type { Sandbox } from "../context";
import { newId } from "../ids";
import type { TLedgerAccountRec } from "../state";

export type TPosting = {
  account: TLedgerAccountRec;
  type: TMonoLedgerOperationType;
  amount: number;
  origin: TMonoLedgerOrigin;
  idInOrigin: string;
  description: string | null;
  /** a debit that consumes an earlier hold instead of the available balance */
  fromHold?: boolean;
};

export function post(sb: Sandbox, p: TPosting): TMonoLedgerTransaction {
  const a = p.account;
  switch (p.type) {
    case "credit":
      a.available += p.amount;
      break;
    case "debit":
      if (p.fromHold) a.pending -= p.amount;
      else a.available -= p.amount;
      break;
    case "hold":
      a.available -= p.amount;
      a.pending += p.amount;
      break;
    case "release":
      a.pending -= p.amount;
      a.available += p.amount;
      break;
  }
  const now = sb.nowIso();
  a.updated_at = now;
  const tx: TMonoLedgerTransaction = {
    id: newId("ltx"),
    account_id: a.id,
    amount: { amount: p.amount, currency: a.currency_code },
    description: p.description,
    id_in_origin: p.idInOrigin,
    operation_type: p.type,
    origin: p.origin,
    origin_transaction_at: now,
    transaction_at: now,
    reverted_by: null,
    inserted_at: now,
  };
  sb.state.addLedgerTx(tx);
  sb.webhooks.emit("ledger_account_transaction_created", tx, p.idInOrigin);
  return tx;
}

/** Admin "set balance": one adjusting credit or debit so the ledger still explains the balance. */
export function setAvailable(sb: Sandbox, account: TLedgerAccountRec, target: number): void {
  const delta = target - account.available;
  if (delta === 0) return;
  post(sb, {
    account,
    type: delta > 0 ? "credit" : "debit",
    amount: Math.abs(delta),
    origin: "subaccount_operation",
    idInOrigin: newId("accop"),
    description: "Sandbox balance adjustment",
  });
}
