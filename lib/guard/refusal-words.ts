import { enNumber, moneyText, type TMoneyParam } from "../api/error-params";
import { wordTable } from "../api/word-table";

// The guard's refusals in words: each detail and each field error has a stable code and params
// (amounts as minor units + currency) beside its English, so the browser shows the sentence in
// the person's language (errors.details.<code>, errors.fields.<code>) and the English here is
// exactly the English catalogue's (tests/unit/guard/refusal-words.test.ts). Pure module.

const m = moneyText;

/** The detail of each refusal: its English from its params. */
export const REFUSAL_DETAILS = {
  amount_over_limit: (p: { amount: TMoneyParam; max: TMoneyParam }) =>
    `This amount (${m(p.amount)}) is above the largest the console may send (${m(p.max)})`,
  insufficient_balance: (p: {
    available: TMoneyParam;
    required: TMoneyParam;
    shortfall: TMoneyParam;
  }) =>
    `The source account cannot cover this amount plus fees: ${m(p.required)} needed, ${m(p.available)} available (${m(p.shortfall)} short)`,
  daily_cap_exceeded: (p: { cap: TMoneyParam; used: TMoneyParam; remaining: TMoneyParam }) =>
    `This would exceed your daily cap of ${m(p.cap)}: ${m(p.used)} used today, ${m(p.remaining)} left`,
  duplicate_suspected: (p: { hours: number }) =>
    `The same amount went to this beneficiary in the last ${enNumber(p.hours)} h; confirm with a reason to send it again`,
  duplicate_rows_suspected: (p: { rows: number; hours: number }) =>
    `${p.rows === 1 ? "1 row pays" : `${enNumber(p.rows)} rows pay`} an account the same amount as another row or a recent operation (last ${enNumber(p.hours)} h); give each a reason to send it anyway`,
  policy_changed: (p: { version: number }) =>
    `The policy changed (now version ${enNumber(p.version)}); reload and try again`,
} as const;
export type TRefusalCode = keyof typeof REFUSAL_DETAILS;
const details = wordTable(REFUSAL_DETAILS);
export const REFUSAL_CODES = details.codes;
/** A refusal's detail: its code, params and English. */
export const refusal = details.words;

/** The field errors the guard puts beside the inputs: their English from their params. */
const GUARD_FIELD_WORDS = {
  amount_over_limit: (p: { max: TMoneyParam }) =>
    `Above the largest amount the console may send (${m(p.max)})`,
  insufficient_balance: (p: { shortfall: TMoneyParam }) =>
    `Insufficient balance: ${m(p.shortfall)} short`,
  daily_cap_exceeded: (p: { remaining: TMoneyParam }) =>
    `Over the per-operator daily cap (${m(p.remaining)} left today)`,
  duplicate_of_row: (p: { row: number }) =>
    `Required: same account and amount as row ${enNumber(p.row)}`,
  duplicate_suspected: () => "Required: this looks like a duplicate",
} as const;
export type TGuardFieldCode = keyof typeof GUARD_FIELD_WORDS;
const fields = wordTable(GUARD_FIELD_WORDS);
export const GUARD_FIELD_CODES = fields.codes;

/** A field error at `path`, worded by its code. */
export const guardFieldError = fields.fieldError;
