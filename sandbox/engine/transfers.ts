// Banking transfers and batches. Every create makes a batch (bat_) of 1..1000 transfers.
//   batch (create):  created → processing_transactions (batch_sent)
//   batch (prepare): created → pending_otp (batch_authorization_requested) → verified_otp →
//                    processing_transactions (approved in the "Mono app": auto after 60 s, or admin)
//   transfer: created → in_progress (Banking balance debited) → approved | declined (credited back)
// A transfer whose external_id already exists ends `duplicated` and never moves money.
import type {
  TMonoAccount,
  TMonoBatch,
  TMonoCreateTransfersRequest,
  TMonoTransfer,
} from "../../lib/mono/contract";
import type { Sandbox } from "../context";
import { fail, MonoError, type TErrorDetail } from "../errors";
import { isTransferBank } from "../banks";
import { newId } from "../ids";
import { omit } from "../omit";
import type { TBatchRec, TTransferRec } from "../state";
import { checkAmount } from "../validate";

const TO_NEXT_BATCH_STATE_MS = 1_000;
/** A prepared batch is approved in the Mono app by an administrator; the sandbox does it after 60 s. */
export const AUTO_APPROVE_MS = 60_000;
const SANDBOX_APPROVER = {
  id: "usr_0SandboxAdministrator0",
  name: "Sandbox Administrator",
  email: "admin@sandbox.mono.test",
};

export function resolveAccount(sb: Sandbox, id: string, path: string): TMonoAccount {
  const acc = sb.state.accounts.get(id);
  if (!acc) fail(422, "item_not_found", "The account doesn't exist.", path);
  if (acc.state !== "active") fail(422, "account_not_active", `The account is ${acc.state}.`, path);
  return acc;
}

export function createBatch(
  sb: Sandbox,
  input: TMonoCreateTransfersRequest,
  mode: TBatchRec["mode"],
): { batch: TBatchRec; transfers: TTransferRec[] } {
  const account = resolveAccount(sb, input.account_id, "#/account_id");
  // Validate everything first: a rejected request creates nothing.
  const errors: TErrorDetail[] = [];
  input.transfers.forEach((t, i) => {
    const bad = checkAmount(t.amount.amount, `#/transfers/${i}/amount/amount`);
    if (bad) errors.push(bad);
    if (t.amount.currency !== "COP")
      errors.push({
        code: "currency_mismatch",
        message: "Banking transfers are in COP.",
        path: `#/transfers/${i}/amount/currency`,
      });
    if (!isTransferBank(t.payee.bank_account.bank_code)) {
      errors.push({
        code: "item_not_found",
        message: "Unknown bank_code; see GET /v1/banks.",
        path: `#/transfers/${i}/payee/bank_account/bank_code`,
      });
    }
  });
  if (errors.length > 0) throw new MonoError(422, errors);

  const now = sb.nowIso();
  const batch: TBatchRec = {
    id: newId("bat"),
    account_id: account.id,
    origin: "api",
    state: "created",
    total_amount: { amount: 0, currency: "COP" },
    transfers_count: input.transfers.length,
    inserted_at: now,
    updated_at: now,
    transfer_ids: [],
    mode,
  };
  sb.state.batches.set(batch.id, batch);
  sb.tagResource(batch.id);
  const seen = new Set<string>();
  const transfers = input.transfers.map((t) => {
    const externalId = t.external_id ?? t.entity_id ?? null;
    const dup = externalId !== null && (seen.has(externalId) || live(sb, externalId));
    if (externalId !== null) seen.add(externalId);
    const rec: TTransferRec = {
      id: newId("trn"),
      account_id: account.id,
      amount: t.amount,
      batch_id: batch.id,
      declination_reason: null,
      description: t.description ?? null,
      external_id: externalId,
      entity_id: t.entity_id ?? externalId,
      payee: t.payee,
      recipient_handle: t.recipient_handle ?? null,
      reference: t.reference ?? null,
      routing: t.routing,
      fallback_routing: t.fallback_routing ?? [],
      state: dup ? "duplicated" : "created",
      inserted_at: now,
      updated_at: now,
      debited: false,
      hops: 0,
    };
    sb.state.addTransfer(rec);
    sb.tagResource(rec.id);
    batch.transfer_ids.push(rec.id);
    if (!dup) batch.total_amount.amount += t.amount.amount;
    return rec;
  });
  sb.clock.in(TO_NEXT_BATCH_STATE_MS, { kind: "batch", id: batch.id });
  sb.onChange();
  return { batch, transfers };
}

/** Is there a transfer with this external_id that was not itself a duplicate? */
function live(sb: Sandbox, externalId: string): boolean {
  return (sb.state.transfersByExternalId.get(externalId) ?? []).some(
    (id) => sb.state.transfers.get(id)?.state !== "duplicated",
  );
}

/** Scheduler task for a batch. */
export function advanceBatch(sb: Sandbox, id: string): void {
  const b = sb.state.batches.get(id);
  if (!b) return;
  const transfers = b.transfer_ids
    .map((t) => sb.state.transfers.get(t))
    .filter((t): t is TTransferRec => t !== undefined);
  if (b.state === "created" && transfers.every((t) => t.state === "duplicated")) {
    setBatchState(sb, b, "duplicated", "batch_duplicated");
  } else if (b.state === "created" && b.mode === "prepare") {
    setBatchState(sb, b, "pending_otp", "batch_authorization_requested");
    sb.clock.in(AUTO_APPROVE_MS, { kind: "batch", id: b.id });
  } else if (b.state === "created" || b.state === "pending_otp") {
    send(sb, b, transfers, b.mode === "prepare" ? SANDBOX_APPROVER : null);
  }
}

export function approveBatch(sb: Sandbox, b: TBatchRec): void {
  if (b.state !== "pending_otp")
    fail(409, "validation_error", `The batch is ${b.state}, not pending_otp.`, "#/state");
  const transfers = b.transfer_ids
    .map((t) => sb.state.transfers.get(t))
    .filter((t): t is TTransferRec => t !== undefined);
  send(sb, b, transfers, SANDBOX_APPROVER);
}

export function cancelBatch(sb: Sandbox, b: TBatchRec): void {
  if (b.state !== "created" && b.state !== "pending_otp")
    fail(
      409,
      "validation_error",
      `The batch is ${b.state}; only created or pending_otp batches can be cancelled.`,
      "#/state",
    );
  const now = sb.nowIso();
  for (const id of b.transfer_ids) {
    const t = sb.state.transfers.get(id);
    if (t && t.state === "created") {
      t.state = "cancelled";
      t.updated_at = now;
    }
  }
  setBatchState(sb, b, "cancelled", "batch_canceled", { canceled_by_user: SANDBOX_APPROVER });
}

function send(
  sb: Sandbox,
  b: TBatchRec,
  transfers: TTransferRec[],
  approver: typeof SANDBOX_APPROVER | null,
): void {
  if (b.mode === "prepare") b.state = "verified_otp";
  setBatchState(sb, b, "processing_transactions", "batch_sent", { approved_by_user: approver });
  for (const t of transfers)
    if (t.state === "created") sb.clock.in(1_000, { kind: "transfer", id: t.id });
}

function setBatchState(
  sb: Sandbox,
  b: TBatchRec,
  state: TBatchRec["state"],
  event: "batch_sent" | "batch_authorization_requested" | "batch_canceled" | "batch_duplicated",
  extra: Record<string, unknown> = {},
): void {
  b.state = state;
  b.updated_at = sb.nowIso();
  sb.webhooks.emit(event, { ...batchView(b), ...extra }, b.id);
  sb.onChange();
}

export function batchView(b: TBatchRec): TMonoBatch {
  const pub = omit(b, ["transfer_ids", "mode"]);
  return { ...pub, total_amount: { ...pub.total_amount } };
}

export function transferView(sb: Sandbox, t: TTransferRec): TMonoTransfer {
  const pub = omit(t, ["batch_id", "debited", "hops"]);
  const batch = sb.state.batches.get(t.batch_id);
  if (!batch) throw new Error(`transfer ${t.id} has no batch`);
  return { ...pub, batch: batchView(batch) };
}
