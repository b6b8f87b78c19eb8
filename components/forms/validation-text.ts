"use client";

import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { paramValues } from "@/lib/api/error-params";
import type { TApiFieldError } from "../api-client";

// The money-moving forms validate with the API's own schemas (lib/operations/schemas.ts) and the
// peso parser (components/money/parse.ts), whose messages are English and are also what the
// server answers in a problem's field errors. On screen each known message is shown in the
// person's language (forms.validation.*); an unknown one (a new server rule) is shown as it is.
const EXACT: Record<string, string> = {
  Required: "required",
  "Amount must be whole cents": "wholeCents",
  "Amount must be positive": "amountPositive",
  "Amount is too large": "amountTooLarge",
  "A 4-digit bank code": "bankCode",
  "5 to 20 digits": "accountDigits",
  "4 to 18 letters or digits": "documentChars",
  "Letters, digits and . # / : - only": "ticketChars",
  "A ledger account id (lacc_…)": "ledgerAccountId",
  "A bank account id (acc_…)": "bankAccountId",
  "Invalid email address": "email",
  "Enter an amount": "enterAmount",
  "The amount must be positive": "amountPositive",
  "Use one comma, for the cents": "oneComma",
  "Group thousands with dots: 5.000.000": "groupThousands",
  "Not an amount: try 5.000.000 or 5000000,50": "notAmount",
  "At most two decimals (cents)": "twoDecimals",
  "Enter the pesos before the comma": "pesosBeforeComma",
  "The amount is too large": "amountTooLarge",
  "Choose the account to pay from": "chooseSource",
  "Say why this payout is made": "payoutReason",
  "Choose the bank": "chooseBank",
  "savings or checking": "accountType",
  "CC, CE, NIT, PP or TI": "documentType",
  "Not a bank Mono knows": "unknownBank",
};
const AT_MOST = [
  /^At most ([\d,]+) characters?$/,
  /^Too big: expected string to have <=(\d+) characters$/,
] as const;

/** A validation message in the person's language: `(message) => text` (undefined stays undefined). */
export function useValidationText() {
  const t = useTranslations("forms.validation");
  return <T extends string | null | undefined>(message: T): T | string => {
    if (!message) return message;
    const key = EXACT[message];
    if (key) return t(key);
    for (const re of AT_MOST) {
      const m = re.exec(message);
      if (m) return t("atMost", { max: Number(m[1].replace(/,/g, "")) });
    }
    return message;
  };
}

/** A field error of a problem (docs/ARCHITECTURE.md "One error shape"). */
export type TFieldProblem = TApiFieldError;

/**
 * A server field error in the person's language: the sentence of its code
 * (errors.fields.<code> with its params) unless the message is the schema's own words, which are
 * shown as useValidationText shows them; the server's English when neither is known here.
 */
export function useFieldErrorText() {
  const t = useTranslations("errors");
  const vt = useValidationText();
  return useCallback(
    (e: Pick<TFieldProblem, "message" | "code" | "params" | "schema_message">): string => {
      if (!e.schema_message && e.code && t.has(`fields.${e.code}`)) {
        const values = paramValues(e.params);
        if (values) return t(`fields.${e.code}`, values);
      }
      return vt(e.message);
    },
    [t, vt],
  );
}
