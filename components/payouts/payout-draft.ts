import { ZPayoutInput, type TPayoutInput } from "@/lib/operations/schemas";
import { parsePesos } from "../money/parse";
import { EMPTY_BENEFICIARY, type TBeneficiaryDraft } from "./beneficiary-fields";

export type TPayoutMethod = TPayoutInput["method"];
export type TPayoutDraft = {
  sourceAccountId: string;
  method: TPayoutMethod;
  amountText: string;
  beneficiary: TBeneficiaryDraft;
  reason: string;
  ticketRef: string;
  description: string;
};
export const EMPTY_PAYOUT: TPayoutDraft = {
  sourceAccountId: "",
  method: "co_ach",
  amountText: "",
  beneficiary: EMPTY_BENEFICIARY,
  reason: "",
  ticketRef: "",
  description: "",
};

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

// The form's state → the API body, validated by the API's own schema so the browser says exactly
// what the server would. Errors are keyed by field name (beneficiary fields by their own name).
// The messages are English, like the API's; the form shows them in the person's language
// (components/forms/validation-text.ts).
export function buildPayout(d: TPayoutDraft): {
  body: TPayoutInput | null;
  amount: number | null;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const parsed = parsePesos(d.amountText);
  if (!parsed.ok) errors.amount = parsed.error;
  const candidate = {
    sourceAccountId: d.sourceAccountId,
    method: d.method,
    amount: parsed.ok ? parsed.minor : 1,
    currency: "COP" as const,
    beneficiary: { ...d.beneficiary, email: opt(d.beneficiary.email) },
    reason: d.reason.trim(),
    ticketRef: opt(d.ticketRef),
    description: opt(d.description),
  };
  const r = ZPayoutInput.safeParse(candidate);
  if (!r.success) {
    for (const i of r.error.issues) {
      const key = i.path[0] === "beneficiary" ? String(i.path[1]) : String(i.path[0]);
      errors[key] ??=
        key === "sourceAccountId"
          ? "Choose the account to pay from"
          : key === "reason"
            ? "Say why this payout is made"
            : key === "bankCode"
              ? "Choose the bank"
              : i.message;
    }
  }
  return {
    body: r.success && parsed.ok ? r.data : null,
    amount: parsed.ok ? parsed.minor : null,
    errors,
  };
}
