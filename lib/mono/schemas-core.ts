import "server-only";
import { z } from "zod";
import type {
  TMonoBrebTarget,
  TMonoLedgerAccountList,
  TMonoLedgerBalance,
  TMonoLedgerTransactionList,
  TMonoPayout,
} from "./contract";
import {
  ZBankAccountType,
  ZCurrency,
  ZId,
  ZMetadata,
  ZMoney,
  ZPagination,
  ZTimestamp,
} from "./schemas";

// Response schemas (Core: ledger, payouts, Bre-B target resolution). Same rules as schemas.ts.

export const ZLedgerAccount = z.object({
  id: ZId,
  currency_code: ZCurrency,
  holder_id: ZId,
  metadata: ZMetadata,
  name: z.string().nullable(),
  program_id: ZId,
  provider: z.literal("mono_ledger"),
  state: z.enum(["active", "blocked", "canceled"]),
  state_reason: z.string().nullable(),
  state_reason_detail: z.string().nullable(),
  type: z.literal("subaccount"),
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export const ZLedgerAccountList = z.object({
  accounts: z.array(ZLedgerAccount),
  pagination: ZPagination,
});

export const ZLedgerBalance = z.object({ available: ZMoney, pending: ZMoney });

const ZOrigin = z.enum([
  "card_transaction",
  "card_presentment_payment",
  "subaccount_operation",
  "payout",
  "fee",
  "synced_bank_transaction",
]);
export const ZLedgerTransaction = z.object({
  id: ZId,
  account_id: ZId,
  amount: ZMoney,
  description: z.string().nullable(),
  id_in_origin: ZId,
  operation_type: z.enum(["credit", "debit", "hold", "release"]),
  origin: ZOrigin,
  origin_transaction_at: ZTimestamp,
  transaction_at: ZTimestamp,
  reverted_by: ZId.nullable(),
  inserted_at: ZTimestamp,
});
export const ZLedgerTransactionList = z.object({
  transactions: z.array(ZLedgerTransaction),
  pagination: ZPagination,
});

const ZPayoutTarget = z.object({
  country: z.literal("CO"),
  currency: z.literal("COP"),
  kind: z.literal("co_bank_account"),
  account_number: z.string(),
  account_type: ZBankAccountType,
  bank_code: z.string(),
  payee: z.object({
    kind: z.literal("co_person"),
    name: z.string(),
    document_type: z.string(),
    document_number: z.string(),
    email: z.string().nullish(),
    phone_number: z.string().nullish(),
  }),
});
const ZFee = z.object({ id: ZId, amount: ZMoney });

export const ZPayout = z.object({
  id: ZId,
  account_id: ZId,
  target: ZPayoutTarget,
  method: z.enum(["co_ach", "co_transfiya", "co_mono_turbo", "co_breb"]),
  method_params: z.record(z.string(), z.unknown()).nullable(),
  source_amount: ZMoney,
  target_amount: ZMoney,
  calculated_fees: z.object({ bank_transfer: ZFee, bank_transfer_gmf: ZFee }),
  description: z.string().nullable(),
  external_id: z.string(),
  metadata: ZMetadata,
  reference: z.string().nullable(),
  // Mono types payout state as a bare string and calls the guide's list provisional. We still pin
  // the enum: the write path switches over it, and an unknown value must surface (as a shape error
  // carrying the 2xx status) rather than be silently mishandled.
  state: z.enum(["pending", "processing", "settled", "failed"]),
  state_reason: z.string().nullable(),
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});

export const ZBrebTarget = z.object({
  id: ZId,
  creditor: z.object({
    document_number: z.string(),
    document_type: z.string(),
    full_name: z.string(),
    type: z.enum(["natural", "legal"]),
  }),
  creditor_account: z.object({
    currency_code: ZCurrency,
    number: z.string(),
    type: ZBankAccountType,
  }),
  key_type: z.enum(["cellphone", "identification", "email", "alphanumeric", "merchant_code"]),
  key_value: z.string(),
  payment_id: z.string(),
  resolution_type: z.literal("plain_key"),
  spbvi: z.string(),
  transaction_amount: ZMoney.nullable(),
});

type TAssignable<A, B> = A extends B ? true : never;
export const coreSchemasMatchContract: [
  TAssignable<z.infer<typeof ZLedgerAccountList>, TMonoLedgerAccountList>,
  TAssignable<z.infer<typeof ZLedgerBalance>, TMonoLedgerBalance>,
  TAssignable<z.infer<typeof ZLedgerTransactionList>, TMonoLedgerTransactionList>,
  TAssignable<z.infer<typeof ZPayout>, TMonoPayout>,
  TAssignable<z.infer<typeof ZBrebTarget>, TMonoBrebTarget>,
] = [true, true, true, true, true];
