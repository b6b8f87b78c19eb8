// The sandbox's whole world, in memory: Mono objects as the contract types plus the private
// bookkeeping Mono would keep (who created what with which idempotency key, holds, deliveries).
import type {
  TMonoAccount,
  TMonoApiKeyRole,
  TMonoBatch,
  TMonoLedgerAccount,
  TMonoLedgerTransaction,
  TMonoPayout,
  TMonoTransfer,
} from "../lib/mono/contract";
import type { TWebhookFaultKind } from "./faults";

export type TApiKey = { key: string; role: TMonoApiKeyRole; label?: string };

export type TBatchRec = TMonoBatch & {
  transfer_ids: string[];
  /** "create" sends at once; "prepare" waits for an (simulated) OTP approval */
  mode: "create" | "prepare";
};

export type TTransferRec = Omit<TMonoTransfer, "batch"> & {
  batch_id: string;
  /** the Banking balance was debited (so a decline must credit it back exactly once) */
  debited: boolean;
  /** routing fallbacks already used, to fire bank_transfer_fallback_routing once per hop */
  hops: number;
};

/** Balances live on the record in minor units; the API derives Money objects from them. */
export type TLedgerAccountRec = TMonoLedgerAccount & { available: number; pending: number };

export type TPayoutRec = TMonoPayout & {
  /** ledger postings already made: a payout holds once, then debits or releases once */
  held: boolean;
  settled: boolean;
  released: boolean;
};

export type TIdemRec = {
  key: string;
  fingerprint: string;
  state: "running" | "done";
  status: number;
  body: string;
  createdAt: number;
  /** ids of the resources this request created (duplicate detector) */
  resources: string[];
};

export type TDeliveryAttempt = {
  at: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
};
export type TDeliveryRec = {
  id: string;
  url: string;
  type: string;
  resource_id: string;
  payload: string;
  state: "pending" | "held" | "delivered" | "failed" | "dropped";
  attempts: TDeliveryAttempt[];
  next_attempt_at: string | null;
  created_at: string;
  /** set on the extra copy a `duplicate` fault makes */
  duplicate_of: string | null;
  faults: TWebhookFaultKind[];
};

export class SandboxState {
  accounts = new Map<string, TMonoAccount>();
  batches = new Map<string, TBatchRec>();
  transfers = new Map<string, TTransferRec>();
  /** insertion order, oldest first (lists sort from it) */
  transferOrder: string[] = [];
  transfersByExternalId = new Map<string, string[]>();
  ledgerAccounts = new Map<string, TLedgerAccountRec>();
  ledgerTx = new Map<string, TMonoLedgerTransaction[]>();
  payouts = new Map<string, TPayoutRec>();
  payoutsByExternalId = new Map<string, string>();
  /** every payout create that reached the store, per external_id (must stay ≤ 1) */
  payoutCreatesByExternalId = new Map<string, number>();
  idempotency = new Map<string, TIdemRec>();
  /** resources created per idempotency key; unlike the 24 h store this is never swept */
  resourcesByIdemKey = new Map<string, string[]>();
  deliveries = new Map<string, TDeliveryRec>();
  deliveryOrder: string[] = [];
  /** webhook faults asked for per request, keyed by the resource they apply to */
  webhookFaults = new Map<string, TWebhookFaultKind[]>();
  /** reorder fault: deliveries held back until the next event of the same resource */
  heldDeliveries = new Map<string, string[]>();

  addTransfer(t: TTransferRec): void {
    this.transfers.set(t.id, t);
    this.transferOrder.push(t.id);
    if (t.external_id) {
      const list = this.transfersByExternalId.get(t.external_id) ?? [];
      list.push(t.id);
      this.transfersByExternalId.set(t.external_id, list);
    }
  }

  addLedgerTx(tx: TMonoLedgerTransaction): void {
    const list = this.ledgerTx.get(tx.account_id) ?? [];
    list.push(tx);
    this.ledgerTx.set(tx.account_id, list);
  }

  addDelivery(d: TDeliveryRec): void {
    this.deliveries.set(d.id, d);
    this.deliveryOrder.push(d.id);
  }
}
