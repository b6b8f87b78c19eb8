// Mono Colombia's public API contract, as types only (no runtime code).
//
// Source: what Mono documents (its public reference at docs.mono.la, summarised in
// docs/SANDBOX.md) plus the choices our sandbox makes where Mono is silent (marked "sandbox
// choice"; see docs/SANDBOX.md). Both the Mono client in lib/mono/ and the standalone sandbox in
// sandbox/ compile against this file, so it must stay free of runtime code and of imports other
// than `import type`.
//
// Conventions (docs/SANDBOX.md "Endpoints"): ids are `<prefix>_<22 base-62 chars>`; money is an
// integer in minor units (COP cents) plus an ISO 4217 code; timestamps are ISO 8601 UTC strings.

// ───────────────────────────── primitives ─────────────────────────────

/** `acc_…`, `trn_…`, `bat_…`, `lacc_…`, `ltx_…`, `cpout_…`, `fee_…`, `bbtgt_…`, `log_…` */
export type TMonoId = string;
/** ISO 8601 UTC, e.g. "2026-05-06T15:42:08.325158Z" */
export type TMonoTimestamp = string;
export type TMonoCurrency = "COP" | "USD" | "MXN" | "CLP" | "BRL" | "PEN" | "EUR";
/** `amount` is an integer in minor units: {amount: 100000000, currency: "COP"} is COP 1,000,000.00 */
export type TMonoMoney = { amount: number; currency: TMonoCurrency };
/** Tenant-managed flat map; Mono returns values as strings. */
export type TMonoMetadata = Record<string, string>;

/** Response header carrying the request's `log_…` id on every response (sandbox choice: Mono
 * documents that a request id exists but not its header name). */
export type TMonoLogIdHeader = "x-mono-log-id";
export type TMonoIdempotencyHeader = "x-idempotency-key";
export type TMonoSignatureHeader = "Mono-Signature";

// ───────────────────────────── pagination and sorting ─────────────────────────────

/** Query: `page_number` ≥ 1 (default 1), `page_size` 10..500 (default 10). */
export type TMonoPageQuery = { page_number?: number; page_size?: number };
export type TMonoPagination = {
  page_number: number;
  page_size: number;
  total_items: number;
  total_pages: number;
};
export type TMonoSortType = "asc" | "desc";
/** Sent as bracket query params: `sort[field]=inserted_at&sort[type]=desc`. */
export type TMonoSort<F extends string> = { field: F; type: TMonoSortType };
/** Sent as bracket query params: `inserted_at[from]=…&inserted_at[until]=…` (UTC). */
export type TMonoDateRange = { from?: TMonoTimestamp; until?: TMonoTimestamp };

// ───────────────────────────── errors ─────────────────────────────

export type TMonoErrorCode =
  | "validation_error"
  | "invalid_format"
  | "missing_field"
  | "item_not_found"
  | "missing_authorization_header"
  | "expired_token"
  | "not_authorized"
  | "idempotency_key_reused" // sandbox choice: same key, other body (409)
  | "idempotency_key_in_use" // sandbox choice: same key while the first request runs (409)
  | "invalid_amount" // sandbox choice (422): amount ≤ 0 or not an integer
  | "amount_exceeds_limit" // sandbox choice (422)
  | "currency_mismatch" // sandbox choice (422)
  | "account_not_active" // sandbox choice (422)
  | "key_not_found" // sandbox choice (422): Bre-B key resolution
  | "rate_limited"
  | "internal_error"
  | "bad_gateway"
  | "service_is_unavailable"
  | "gateway_timeout";

export type TMonoErrorItem = {
  error_code: TMonoErrorCode | (string & {});
  message: string;
  /** JSON pointer such as "#/transfers/0/amount/amount", or null */
  path: string | null;
  url: string | null;
};

/** Every non-2xx response of the Banking and Core APIs. */
export type TMonoErrorEnvelope = {
  /** "<status> <reason phrase>", e.g. "400 Bad Request" */
  code: string;
  errors: TMonoErrorItem[];
  /** `log_…`: quote it to Mono support; also sent in the `x-mono-log-id` header */
  id: string;
  /** fixed per status, e.g. 400 → "Malformed request" */
  message: string;
};

// ───────────────────────────── Banking: accounts and banks ─────────────────────────────

export type TMonoApiKeyRole = "Administrator" | "Preparer" | "Viewer";
export type TMonoAccountState = "active" | "canceled";
export type TMonoBankAccountType = "savings_account" | "checking_account";

export type TMonoAccount = {
  id: TMonoId;
  name: string;
  number: string;
  provider: "coopcentral";
  state: TMonoAccountState;
  type: TMonoBankAccountType;
  balance: { available: TMonoMoney; updated_at: TMonoTimestamp };
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};
export type TMonoAccountList = { accounts: TMonoAccount[]; pagination: TMonoPagination };

/** GET /v1/accounts/{id}/balances?live=true|false */
export type TMonoAccountBalance = {
  id: TMonoId;
  available: TMonoMoney;
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};

export type TMonoBankKind = "transfers" | "pse";
export type TMonoBank = {
  code: string;
  name: string;
  /** only for kind=transfers */
  account_types?: TMonoBankAccountType[];
};
export type TMonoBankList = { kind: TMonoBankKind; banks: TMonoBank[] };

// ───────────────────────────── Banking: transfers and batches ─────────────────────────────

export type TMonoRouting = "ach" | "turbo" | "transfiya";
export type TMonoDocumentType = "CC" | "CE" | "NIT" | "PP" | "TI" | (string & {});

export type TMonoPayee = {
  name: string;
  document_type: TMonoDocumentType;
  document_number: string;
  email?: string | null;
  bank_account: { bank_code: string; number: string; type: TMonoBankAccountType };
};

/** One item of POST /v1/transfers and /v1/transfers/prepare. */
export type TMonoTransferInput = {
  amount: TMonoMoney;
  payee: TMonoPayee;
  routing: TMonoRouting;
  fallback_routing?: TMonoRouting[];
  description?: string | null;
  reference?: string | null;
  external_id?: string | null;
  /** deprecated alias of external_id */
  entity_id?: string | null;
  recipient_handle?: string | null;
};

export type TMonoCreateTransfersRequest = {
  account_id: TMonoId;
  /** 1..1000 items */
  transfers: TMonoTransferInput[];
};

export type TMonoTransferState =
  "created" | "in_progress" | "approved" | "declined" | "cancelled" | "duplicated";

/** Sandbox values; Mono documents only `insufficient_funds`. */
export type TMonoDeclinationReason =
  | "insufficient_funds"
  | "declined_by_origin_bank"
  | "declined_by_destination_bank"
  | "global_limit_exceeded"
  | (string & {});

export type TMonoBatchState =
  | "created"
  | "pending_otp"
  | "verified_otp"
  | "processing_transactions"
  | "cancelled"
  | "declined"
  | "duplicated";

export type TMonoBatch = {
  id: TMonoId;
  account_id: TMonoId;
  origin: "api" | "dashboard";
  state: TMonoBatchState;
  total_amount: TMonoMoney;
  /** number of transfers in the batch (sandbox addition) */
  transfers_count: number;
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};

export type TMonoTransfer = {
  id: TMonoId;
  account_id: TMonoId;
  amount: TMonoMoney;
  batch: TMonoBatch;
  declination_reason: TMonoDeclinationReason | null;
  description: string | null;
  external_id: string | null;
  entity_id: string | null;
  payee: TMonoPayee;
  recipient_handle: string | null;
  reference: string | null;
  routing: TMonoRouting;
  fallback_routing: TMonoRouting[];
  state: TMonoTransferState;
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};

/** 201 on create (200 on an idempotent replay). */
export type TMonoCreateTransfersResponse = {
  account_id: TMonoId;
  batch: TMonoBatch;
  transfers: TMonoTransfer[];
};

export type TMonoTransferSortField = "inserted_at" | "updated_at" | "amount";
/** GET /v1/transfers query (nested objects are sent as bracket params). */
export type TMonoListTransfersQuery = TMonoPageQuery & {
  id?: TMonoId;
  external_id?: string;
  entity_id?: string;
  inserted_at?: TMonoDateRange;
  batch_id?: TMonoId;
  account_id?: TMonoId;
  state?: TMonoTransferState;
  /** at least 5 characters */
  payee_account_number?: string;
  /** number and type together */
  payee_document?: { number: string; type: TMonoDocumentType };
  sort?: TMonoSort<TMonoTransferSortField>;
};
export type TMonoTransferList = { transfers: TMonoTransfer[]; pagination: TMonoPagination };

// ───────────────────────────── Core: ledger ─────────────────────────────

export type TMonoLedgerAccountState = "active" | "blocked" | "canceled";
export type TMonoLedgerAccount = {
  id: TMonoId;
  currency_code: TMonoCurrency;
  holder_id: TMonoId;
  metadata: TMonoMetadata;
  name: string | null;
  program_id: TMonoId;
  provider: "mono_ledger";
  state: TMonoLedgerAccountState;
  state_reason: string | null;
  state_reason_detail: string | null;
  type: "subaccount";
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};
export type TMonoLedgerAccountList = {
  accounts: TMonoLedgerAccount[];
  pagination: TMonoPagination;
};

/** `available` can be spent; `pending` is held (e.g. by payouts in flight). */
export type TMonoLedgerBalance = { available: TMonoMoney; pending: TMonoMoney };

export type TMonoLedgerOperationType = "credit" | "debit" | "hold" | "release";
export type TMonoLedgerOrigin =
  | "card_transaction"
  | "card_presentment_payment"
  | "subaccount_operation"
  | "payout"
  | "fee"
  | "synced_bank_transaction";

export type TMonoLedgerTransaction = {
  id: TMonoId;
  account_id: TMonoId;
  /** always positive; the direction is `operation_type` */
  amount: TMonoMoney;
  description: string | null;
  /** id of the originating object, e.g. `cpout_…` */
  id_in_origin: TMonoId;
  operation_type: TMonoLedgerOperationType;
  origin: TMonoLedgerOrigin;
  origin_transaction_at: TMonoTimestamp;
  transaction_at: TMonoTimestamp;
  reverted_by: TMonoId | null;
  inserted_at: TMonoTimestamp;
};
export type TMonoLedgerTransactionSortField = "transaction_at" | "inserted_at" | "amount";
export type TMonoListLedgerTransactionsQuery = TMonoPageQuery & {
  transaction_at?: TMonoDateRange;
  origin_transaction_at?: TMonoDateRange;
  exclude_reversed?: boolean;
  operation_type?: TMonoLedgerOperationType;
  origin?: TMonoLedgerOrigin;
  sort?: TMonoSort<TMonoLedgerTransactionSortField>;
};
export type TMonoLedgerTransactionList = {
  transactions: TMonoLedgerTransaction[];
  pagination: TMonoPagination;
};

// ───────────────────────────── Core: payouts ─────────────────────────────

export type TMonoPayoutMethod = "co_ach" | "co_transfiya" | "co_mono_turbo" | "co_breb";
/** Mono types `state` as a string; these are the sandbox's values (guide: provisional). */
export type TMonoPayoutState = "pending" | "processing" | "settled" | "failed";
export type TMonoPayoutStateReason =
  | "insufficient_funds"
  | "declined_by_origin_bank"
  | "declined_by_destination_bank"
  | "global_limit_exceeded"
  | (string & {});

export type TMonoPayoutTarget = {
  country: "CO";
  currency: "COP";
  kind: "co_bank_account";
  account_number: string;
  account_type: TMonoBankAccountType;
  bank_code: string;
  payee: {
    kind: "co_person";
    name: string;
    document_type: TMonoDocumentType;
    document_number: string;
    email?: string | null;
    phone_number?: string | null;
  };
};

/** Give exactly one of source_amount (debited, fees included) or target_amount (credited). */
export type TMonoCreatePayoutRequest = {
  account_id: TMonoId;
  method: TMonoPayoutMethod;
  target: TMonoPayoutTarget;
  /** required; an existing external_id returns the original payout with 200 */
  external_id: string;
  description?: string | null;
  reference?: string | null;
  metadata?: TMonoMetadata | null;
  method_params?: Record<string, unknown> | null;
  source_amount?: TMonoMoney | null;
  target_amount?: TMonoMoney | null;
};

export type TMonoFee = { id: TMonoId; amount: TMonoMoney };
export type TMonoPayout = {
  id: TMonoId;
  account_id: TMonoId;
  target: TMonoPayoutTarget;
  method: TMonoPayoutMethod;
  method_params: Record<string, unknown> | null;
  /** debited from the ledger account: target_amount + fees */
  source_amount: TMonoMoney;
  target_amount: TMonoMoney;
  calculated_fees: { bank_transfer: TMonoFee; bank_transfer_gmf: TMonoFee };
  description: string | null;
  external_id: string;
  metadata: TMonoMetadata;
  reference: string | null;
  state: TMonoPayoutState;
  state_reason: TMonoPayoutStateReason | null;
  inserted_at: TMonoTimestamp;
  updated_at: TMonoTimestamp;
};

export type TMonoResolveBrebTargetRequest = {
  account_id: TMonoId;
  format: "plain_key";
  /** at least 6 characters, e.g. "@joe123" or "3001234567" */
  value: string;
};
export type TMonoBrebKeyType =
  "cellphone" | "identification" | "email" | "alphanumeric" | "merchant_code";
export type TMonoBrebTarget = {
  id: TMonoId;
  creditor: {
    document_number: string;
    document_type: TMonoDocumentType;
    full_name: string;
    type: "natural" | "legal";
  };
  creditor_account: { currency_code: TMonoCurrency; number: string; type: TMonoBankAccountType };
  key_type: TMonoBrebKeyType;
  key_value: string;
  payment_id: string;
  resolution_type: "plain_key";
  spbvi: string;
  transaction_amount: TMonoMoney | null;
};

// ───────────────────────────── webhooks ─────────────────────────────

export type TMonoBankTransferEventType =
  | "bank_transfer_approved"
  | "bank_transfer_rejected"
  | "bank_transfer_fallback_routing"
  | "bank_transfer_change_final_state";
export type TMonoBatchEventType =
  "batch_authorization_requested" | "batch_sent" | "batch_canceled" | "batch_duplicated";
/** Sandbox choice: Mono says payouts emit an event per state transition but names none. */
export type TMonoPayoutEventType =
  "payout_created" | "payout_processing" | "payout_settled" | "payout_failed";
export type TMonoLedgerEventType = "ledger_account_transaction_created";
export type TMonoAccountEventType = "account_credited";
export type TMonoEventType =
  | TMonoBankTransferEventType
  | TMonoBatchEventType
  | TMonoPayoutEventType
  | TMonoLedgerEventType
  | TMonoAccountEventType;

/** Transfer events: the transfer plus event-specific fields. */
export type TMonoTransferEventData = TMonoTransfer & {
  /** bank_transfer_change_final_state only */
  previous_state?: TMonoTransferState;
  /** bank_transfer_fallback_routing only */
  fallback_reason?: string;
};
export type TMonoBatchEventData = TMonoBatch & {
  approved_by_user?: { id: string; name: string; email: string } | null;
  canceled_by_user?: { id: string; name: string; email: string } | null;
};
export type TMonoAccountCreditedData = {
  id: TMonoId;
  account_id: TMonoId;
  amount: TMonoMoney;
  type: "bank_transfer_mono" | "incoming_wire";
  description: string | null;
  extra: Record<string, string>;
  inserted_at: TMonoTimestamp;
};

/** The JSON body Mono POSTs; there is no event id, so dedupe on type + data.id + state/updated_at. */
export type TMonoWebhookEnvelope<TType extends TMonoEventType = TMonoEventType, TData = unknown> = {
  event: { type: TType; data: TData };
  /** when the event was generated (ISO 8601 UTC) */
  timestamp: TMonoTimestamp;
};

export type TMonoWebhookEvent =
  | TMonoWebhookEnvelope<TMonoBankTransferEventType, TMonoTransferEventData>
  | TMonoWebhookEnvelope<TMonoBatchEventType, TMonoBatchEventData>
  | TMonoWebhookEnvelope<TMonoPayoutEventType, TMonoPayout>
  | TMonoWebhookEnvelope<TMonoLedgerEventType, TMonoLedgerTransaction>
  | TMonoWebhookEnvelope<TMonoAccountEventType, TMonoAccountCreditedData>;
