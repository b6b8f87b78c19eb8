import { formatMoney } from "../format/format";

// The params of an error's words (docs/ARCHITECTURE.md "One error shape"): a problem's
// `meta.detail_params` and each field error's `params`. Plain strings and numbers, and amounts as
// `{ minor, currency }` (integer minor units as decimal text: exact at any size). Pure module: the
// server writes its English with these, the browser its catalogue sentence.

export type TMoneyParam = { minor: string; currency: string };
export type TParamValue = string | number | TMoneyParam;
export type TParams = Record<string, TParamValue>;

/** An amount as an error param. */
export function moneyParam(minor: bigint | number, currency = "COP"): TMoneyParam {
  return { minor: BigInt(minor).toString(), currency };
}

/** An amount param as text: "$ 1.000.000,50", the same in every language (lib/format). */
export function moneyText(p: TMoneyParam): string {
  return formatMoney(BigInt(p.minor), { currency: p.currency });
}

/** Whether a param is an amount (`{ minor, currency }`). */
export function isMoneyParam(v: unknown): v is TMoneyParam {
  return (
    !!v &&
    typeof v === "object" &&
    typeof (v as TMoneyParam).minor === "string" &&
    /^-?\d{1,40}$/.test((v as TMoneyParam).minor) &&
    typeof (v as TMoneyParam).currency === "string" &&
    /^[A-Z]{3}$/.test((v as TMoneyParam).currency)
  );
}

/**
 * The params as message values, amounts written out; null when `params` is not of this shape
 * (then the server's English is shown instead of the catalogue's sentence).
 */
export function paramValues(params: unknown): Record<string, string | number> | null {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object" || Array.isArray(params)) return null;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) out[k] = v;
    else if (isMoneyParam(v)) out[k] = moneyText(v);
    else return null;
  }
  return out;
}

const EN_NUMBER = new Intl.NumberFormat("en");

/**
 * A number as the English catalogue writes `{n, number}` and a plural's `#`: "1,000". A number
 * too large for a float comes as decimal text and is written the same way; other text as it is.
 */
export function enNumber(n: number | string): string {
  if (typeof n === "number") return EN_NUMBER.format(n);
  return /^-?\d+$/.test(n) ? EN_NUMBER.format(BigInt(n)) : n;
}
