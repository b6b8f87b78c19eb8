// One transfer's life after its batch is sent, plus the admin correction of a final state.
import type { TMonoTransferState } from "../../lib/mono/contract";
import type { Sandbox } from "../context";
import { fail } from "../errors";
import { outcomeFor, settleDelayMs } from "../magic";
import type { TTransferRec } from "../state";
import { transferView } from "./transfers";

function adjustBalance(sb: Sandbox, accountId: string, delta: number): void {
  const acc = sb.state.accounts.get(accountId);
  if (!acc) return;
  const now = sb.nowIso();
  acc.balance.available.amount += delta;
  acc.balance.updated_at = now;
  acc.updated_at = now;
}

export function advanceTransfer(sb: Sandbox, id: string): void {
  const t = sb.state.transfers.get(id);
  if (!t) return;
  if (t.state === "created") {
    const acc = sb.state.accounts.get(t.account_id);
    if (!acc || acc.balance.available.amount < t.amount.amount) {
      decline(sb, t, "insufficient_funds");
      return;
    }
    adjustBalance(sb, t.account_id, -t.amount.amount);
    t.debited = true;
    t.state = "in_progress";
    t.updated_at = sb.nowIso();
    sb.clock.in(settleDelayMs(t.routing, t.payee.document_number), { kind: "transfer", id: t.id });
    sb.onChange();
  } else if (t.state === "in_progress") {
    const o = outcomeFor(t.routing, t.payee.document_number);
    if (o.approved) {
      t.state = "approved";
      t.updated_at = sb.nowIso();
      sb.webhooks.emit("bank_transfer_approved", transferView(sb, t), t.id);
      sb.onChange();
    } else if (t.hops < t.fallback_routing.length) {
      // The primary rail failed: Mono retries the next rail in fallback_routing.
      const next = t.fallback_routing[t.hops];
      t.hops++;
      t.routing = next;
      t.updated_at = sb.nowIso();
      sb.webhooks.emit(
        "bank_transfer_fallback_routing",
        { ...transferView(sb, t), fallback_reason: o.reason },
        t.id,
      );
      sb.clock.in(settleDelayMs(next, t.payee.document_number), { kind: "transfer", id: t.id });
      sb.onChange();
    } else {
      decline(sb, t, o.reason);
    }
  }
}

function decline(sb: Sandbox, t: TTransferRec, reason: string): void {
  if (t.debited) {
    adjustBalance(sb, t.account_id, t.amount.amount);
    t.debited = false;
  }
  t.state = "declined";
  t.declination_reason = reason;
  t.updated_at = sb.nowIso();
  sb.webhooks.emit("bank_transfer_rejected", transferView(sb, t), t.id);
  sb.onChange();
}

/** The rail corrected itself: approved ↔ declined, with bank_transfer_change_final_state. */
export function changeFinalState(
  sb: Sandbox,
  t: TTransferRec,
  to: "approved" | "declined" | null,
  reason: string | null,
): TTransferRec {
  if (t.state !== "approved" && t.state !== "declined") {
    fail(
      409,
      "validation_error",
      `The transfer is ${t.state}; only approved or declined transfers can change final state.`,
      "#/state",
    );
  }
  const previous: TMonoTransferState = t.state;
  const next = to ?? (previous === "approved" ? "declined" : "approved");
  if (next === previous)
    fail(409, "validation_error", `The transfer is already ${previous}.`, "#/state");
  if (next === "declined") {
    if (t.debited) adjustBalance(sb, t.account_id, t.amount.amount);
    t.debited = false;
    t.declination_reason = reason ?? "declined_by_destination_bank";
  } else {
    if (!t.debited) adjustBalance(sb, t.account_id, -t.amount.amount);
    t.debited = true;
    t.declination_reason = null;
  }
  t.state = next;
  t.updated_at = sb.nowIso();
  sb.webhooks.emit(
    "bank_transfer_change_final_state",
    { ...transferView(sb, t), previous_state: previous },
    t.id,
  );
  sb.onChange();
  return t;
}
