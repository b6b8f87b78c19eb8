import "server-only";
import { z } from "zod";
import type {
  TMonoAccountBalance,
  TMonoAccountList,
  TMonoBankList,
  TMonoCreateTransfersResponse,
  TMonoTransferList,
} from "./contract";

// Response schemas (Banking). Strict on what the console relies on (ids, integer money, the state
// enums its switches are exhaustive over); unknown extra fields are stripped. A response that does
// not fit becomes a MonoResponseShapeError, never a crash deeper in the console. The
// `satisfies`-style checks at the bottom keep these in step with lib/mono/contract.ts.

export const ZCurrency = z.enum(["COP", "USD", "MXN", "CLP", "BRL", "PEN", "EUR"]);
export const ZMoney = z.object({ amount: z.number().int(), currency: ZCurrency });
export const ZTimestamp = z.string().min(1);
export const ZId = z.string().min(3).max(100);
export const ZMetadata = z.record(z.string(), z.string());
export const ZPagination = z.object({
  page_number: z.number().int(),
  page_size: z.number().int(),
  total_items: z.number().int(),
  total_pages: z.number().int(),
});
export const ZBankAccountType = z.enum(["savings_account", "checking_account"]);
const ZRouting = z.enum(["ach", "turbo", "transfiya"]);

export const ZAccount = z.object({
  id: ZId,
  name: z.string(),
  number: z.string(),
  provider: z.literal("coopcentral"),
  state: z.enum(["active", "canceled"]),
  type: ZBankAccountType,
  balance: z.object({ available: ZMoney, updated_at: ZTimestamp }),
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});
export const ZAccountList = z.object({ accounts: z.array(ZAccount), pagination: ZPagination });

export const ZAccountBalance = z.object({
  id: ZId,
  available: ZMoney,
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});

export const ZBankList = z.object({
  kind: z.enum(["transfers", "pse"]),
  banks: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      account_types: z.array(ZBankAccountType).optional(),
    }),
  ),
});

const ZPayee = z.object({
  name: z.string(),
  document_type: z.string(),
  document_number: z.string(),
  email: z.string().nullish(),
  bank_account: z.object({ bank_code: z.string(), number: z.string(), type: ZBankAccountType }),
});

export const ZBatch = z.object({
  id: ZId,
  account_id: ZId,
  origin: z.enum(["api", "dashboard"]),
  state: z.enum([
    "created",
    "pending_otp",
    "verified_otp",
    "processing_transactions",
    "cancelled",
    "declined",
    "duplicated",
  ]),
  total_amount: ZMoney,
  transfers_count: z.number().int(),
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});

export const ZTransfer = z.object({
  id: ZId,
  account_id: ZId,
  amount: ZMoney,
  batch: ZBatch,
  declination_reason: z.string().nullable(),
  description: z.string().nullable(),
  external_id: z.string().nullable(),
  entity_id: z.string().nullable(),
  payee: ZPayee,
  recipient_handle: z.string().nullable(),
  reference: z.string().nullable(),
  routing: ZRouting,
  fallback_routing: z.array(ZRouting),
  state: z.enum(["created", "in_progress", "approved", "declined", "cancelled", "duplicated"]),
  inserted_at: ZTimestamp,
  updated_at: ZTimestamp,
});

export const ZCreateTransfersResponse = z.object({
  account_id: ZId,
  batch: ZBatch,
  transfers: z.array(ZTransfer),
});
export const ZTransferList = z.object({ transfers: z.array(ZTransfer), pagination: ZPagination });

// Compile-time drift check: each parsed type must be usable where the contract type is expected.
type TAssignable<A, B> = A extends B ? true : never;
export const bankingSchemasMatchContract: [
  TAssignable<z.infer<typeof ZAccountList>, TMonoAccountList>,
  TAssignable<z.infer<typeof ZAccountBalance>, TMonoAccountBalance>,
  TAssignable<z.infer<typeof ZBankList>, TMonoBankList>,
  TAssignable<z.infer<typeof ZCreateTransfersResponse>, TMonoCreateTransfersResponse>,
  TAssignable<z.infer<typeof ZTransferList>, TMonoTransferList>,
] = [true, true, true, true, true];
