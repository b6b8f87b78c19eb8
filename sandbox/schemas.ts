// Request bodies of the write endpoints (zod). Business rules (amount > 0, limits, known
// accounts and banks) are checked by the engine and answer 422.
import { z } from "zod";
import type {
  TMonoCreatePayoutRequest,
  TMonoCreateTransfersRequest,
  TMonoResolveBrebTargetRequest,
} from "../lib/mono/contract";
import { ZMoney, ZOptText } from "./validate";

const EMAIL = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+){1,2}$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{22}$`), `expected a ${prefix}_ id`);
const ZAccountType = z.enum(["savings_account", "checking_account"]);
const ZBankCode = z.string().regex(/^\d{4}$/, "expected a 4-digit bank code");
const ZAccountNumber = z.string().regex(/^\d{4,20}$/, "expected 4 to 20 digits");
const ZDocType = z.string().regex(/^[A-Z]{2,3}$/, "expected a document type such as CC, CE, NIT");
const ZDocNumber = z.string().regex(/^[A-Za-z0-9]{3,20}$/, "expected 3 to 20 letters or digits");
const ZRouting = z.enum(["ach", "turbo", "transfiya"]);
const ZExternalId = z.string().min(1).max(255);

const ZPayee = z.object({
  name: z.string().min(1).max(255),
  document_type: ZDocType,
  document_number: ZDocNumber,
  email: z.string().regex(EMAIL).nullish(),
  bank_account: z.object({ bank_code: ZBankCode, number: ZAccountNumber, type: ZAccountType }),
});

const ZTransferInput = z.object({
  amount: ZMoney,
  payee: ZPayee,
  routing: ZRouting,
  fallback_routing: z.array(ZRouting).max(2).optional(),
  description: ZOptText(255),
  reference: ZOptText(255),
  external_id: ZExternalId.nullish(),
  entity_id: ZExternalId.nullish(),
  recipient_handle: ZOptText(255),
});

export const ZCreateTransfers: z.ZodType<TMonoCreateTransfersRequest> = z.object({
  account_id: id("acc"),
  transfers: z.array(ZTransferInput).min(1).max(1000),
});

const ZPayoutTarget = z.object({
  country: z.literal("CO"),
  currency: z.literal("COP"),
  kind: z.literal("co_bank_account"),
  account_number: ZAccountNumber,
  account_type: ZAccountType,
  bank_code: ZBankCode,
  payee: z.object({
    kind: z.literal("co_person"),
    name: z.string().min(1).max(255),
    document_type: ZDocType,
    document_number: ZDocNumber,
    email: z.string().regex(EMAIL).nullish(),
    phone_number: z.string().regex(E164).nullish(),
  }),
});

export const ZCreatePayout: z.ZodType<TMonoCreatePayoutRequest> = z.object({
  account_id: id("lacc"),
  method: z.enum(["co_ach", "co_transfiya", "co_mono_turbo", "co_breb"]),
  target: ZPayoutTarget,
  external_id: ZExternalId,
  description: ZOptText(255),
  reference: ZOptText(255),
  metadata: z.record(z.string(), z.string()).nullish(),
  method_params: z.record(z.string(), z.unknown()).nullish(),
  source_amount: ZMoney.nullish(),
  target_amount: ZMoney.nullish(),
});

export const ZResolveBreb: z.ZodType<TMonoResolveBrebTargetRequest> = z.object({
  account_id: id("lacc"),
  format: z.literal("plain_key"),
  value: z.string().min(6).max(100),
});
