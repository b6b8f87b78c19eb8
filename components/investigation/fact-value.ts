import { formatCop } from "../money/format";

// How a timeline fact's value reads: money in pesos (through the formatter given, the one money
// formatter by default), text as is, anything else as JSON.
const MONEY_KEYS = new Set(["amount", "feeEstimate", "fee", "available", "availableAtCreation"]);

/** Money arrives as minor units: a JSON number, or a string when it was a bigint on the server. */
export function factValue(
  key: string,
  v: unknown,
  money: (minor: number | bigint) => string = formatCop,
): string {
  if (
    MONEY_KEYS.has(key) &&
    (typeof v === "number" || (typeof v === "string" && /^-?\d+$/.test(v)))
  )
    return money(typeof v === "string" ? BigInt(v) : v);
  return typeof v === "string" ? v : JSON.stringify(v);
}
