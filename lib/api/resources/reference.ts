import { z } from "zod";
import { present, ZMoney } from "./wire";

// Reference data the payout and transfer forms need: source accounts (GET /api/mono/accounts),
// banks (GET /api/mono/banks), a Bre-B key's holder (POST /api/mono/breb-resolve) and the
// guard's verdict for an amount before submitting (GET /api/operations/preview).

export const ZSourceAccount = z.object({
  id: z.string(),
  name: z.string(), // a bank account's name ends with the last four of its number
  kind: z.enum(["ledger", "bank"]),
  currency: z.string(),
  available: ZMoney,
});
export type TSourceAccount = z.infer<typeof ZSourceAccount>;
export const ZSourceAccounts = z.object({
  ledgerAccounts: z.array(ZSourceAccount),
  bankAccounts: z.array(ZSourceAccount),
});
export type TSourceAccounts = z.infer<typeof ZSourceAccounts>;
export function presentSourceAccounts(a: unknown) {
  return present(ZSourceAccounts, a);
}

export const ZBank = z.object({
  code: z.string(),
  name: z.string(),
  account_types: z.array(z.enum(["savings_account", "checking_account"])).optional(),
});
export type TBank = z.infer<typeof ZBank>;
export const ZBankList = z.object({ kind: z.enum(["transfers", "pse"]), banks: z.array(ZBank) });
export type TBankList = z.infer<typeof ZBankList>;
export function presentBankList(b: unknown) {
  return present(ZBankList, b);
}

// The holder of a Bre-B key, shown to the operator to confirm before the payout. The numbers come
// in clear on purpose, to payouts.create holders only: the payout form submits them as the
// beneficiary (docs/SECURITY.md). The page shows documentMasked and the account's last four.
export const ZBrebTarget = z.object({
  holderName: z.string(),
  documentType: z.string(),
  documentNumber: z.string(),
  documentMasked: z.string(),
  accountNumber: z.string(),
  accountType: z.string(),
  keyType: z.string(),
  targetId: z.string(),
});
export type TBrebTarget = z.infer<typeof ZBrebTarget>;
export function presentBrebTarget(t: unknown) {
  return present(ZBrebTarget, t);
}

export const ZPreview = z.object({
  policyVersion: z.number().int(),
  tier: z.object({
    kind: z.enum(["none", "one_approver", "two_approvers", "refused"]),
    requiredApprovals: z.number().int().nullable(), // null: refused
    stepUp: z.boolean(),
  }),
  fee: ZMoney,
  total: ZMoney,
  expectedTime: z.string(),
  killSwitch: z.boolean(),
});
export type TPreview = z.infer<typeof ZPreview>;
export function presentPreview(p: unknown) {
  return present(ZPreview, p);
}
