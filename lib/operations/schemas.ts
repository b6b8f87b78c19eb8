import { z } from "zod";
import { wordedRule } from "../api/field-issue";

// The console API's input for money movements. Amounts are integer minor units (COP cents): the
// browser converts the pesos a person types; the server recomputes every total itself.
const ZMinor = z
  .number()
  .int("Amount must be whole cents")
  .positive("Amount must be positive")
  .max(1e13, "Amount is too large");
const ZText = (max: number) =>
  z.string().trim().min(1, "Required").max(max, `At most ${max} characters`);

export const ZBeneficiary = z.strictObject({
  bankCode: z.string().regex(/^\d{4}$/, "A 4-digit bank code"),
  accountType: z.enum(["savings_account", "checking_account"]),
  accountNumber: z.string().regex(/^\d{5,20}$/, "5 to 20 digits"),
  name: ZText(120),
  documentType: z.enum(["CC", "CE", "NIT", "PP", "TI"]),
  documentNumber: z.string().regex(/^[A-Za-z0-9]{4,18}$/, "4 to 18 letters or digits"),
  email: z.string().email().max(120).optional(),
});
export type TBeneficiary = z.infer<typeof ZBeneficiary>;

const ZCommon = {
  reason: ZText(500),
  ticketRef: z
    .string()
    .trim()
    .max(100)
    .regex(/^[\w.#/:-]*$/, "Letters, digits and . # / : - only")
    .optional(),
  description: z.string().trim().max(140).optional(),
  duplicateReason: ZText(500).optional(),
};

export const ZPayoutInput = z.strictObject({
  sourceAccountId: z.string().regex(/^lacc_[A-Za-z0-9]{22}$/, "A ledger account id (lacc_…)"),
  method: z.enum(["co_ach", "co_mono_turbo", "co_transfiya", "co_breb"]),
  amount: ZMinor,
  currency: z.literal("COP"),
  beneficiary: ZBeneficiary,
  ...ZCommon,
});
export type TPayoutInput = z.infer<typeof ZPayoutInput>;

export const ZTransferRow = z.strictObject({
  amount: ZMinor,
  beneficiary: ZBeneficiary,
  description: z.string().trim().max(140).optional(),
  // The maker's reason for sending this row although it looks like a duplicate (same account and
  // amount as another row, or as a recent payout or transfer).
  duplicateReason: ZText(500).optional(),
});
export type TTransferRow = z.infer<typeof ZTransferRow>;

export const ZTransfersInput = z.strictObject({
  sourceAccountId: z.string().regex(/^acc_[A-Za-z0-9]{22}$/, "A bank account id (acc_…)"),
  mode: z.enum(["create", "prepare"]),
  routing: z.enum(["ach", "turbo"]),
  currency: z.literal("COP"),
  rows: z
    .array(ZTransferRow)
    .min(1, "At least one transfer")
    .max(1000, "At most 1,000 transfers per batch"),
  ...ZCommon,
});
export type TTransfersInput = z.infer<typeof ZTransfersInput>;

// Edits while waiting for approval: the money part may change (which voids approvals).
export const ZEditPayoutInput = ZPayoutInput.omit({ sourceAccountId: true, currency: true })
  .partial()
  .extend({ reason: ZText(500) });

// A rejection says why (the maker sees the reason on their operation and in their notification).
export const ZDecisionInput = z
  .strictObject({
    decision: z.enum(["approved", "rejected"]),
    fingerprint: z.string().regex(/^[a-f0-9]{64}$/, "The fingerprint shown with the operation"),
    comment: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "rejected" && (v.comment ?? "").length < 5)
      ctx.addIssue({
        code: "custom",
        path: ["comment"],
        ...wordedRule("say_why_reject", { minimum: 5 }),
      });
  });

export const ZCancelInput = z.strictObject({ reason: ZText(500) });

export const ZOperationIdParams = z.strictObject({
  id: z.string().regex(/^op_[A-Za-z0-9]{22}$/, "Not an operation id"),
});
