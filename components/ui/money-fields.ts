// Audit details and reconciliation evidence are JSON as the server recorded it, with money as
// integer minor units ("84974510000"). Before they are shown, the numbers under these keys are
// written as money ("$ 849.745.100"), in the evidence's own currency when it names one.

const MONEY_KEYS = new Set([
  "amount",
  "amountBefore",
  "amountAfter",
  "available",
  "pending",
  "balance",
  "ledgerSum",
  "difference",
  "total",
  "fee",
  "feeEstimate",
  "expectedDebit",
  "debited",
  "ours",
  "mono",
  "dailyCapPerOperator",
  "lowBalanceFloor",
]);
/** Objects whose every number is money: the policy's tiers and fee tables. */
const MONEY_PARENTS = new Set(["tiers", "payout", "transfer"]);

export function withMoney(
  value: unknown,
  money: (minor: number, currency?: string) => string,
  key = "",
  parent = "",
  currency?: string,
): unknown {
  if (typeof value === "number")
    return Number.isInteger(value) && (MONEY_KEYS.has(key) || MONEY_PARENTS.has(parent))
      ? money(value, currency)
      : value;
  if (Array.isArray(value)) return value.map((v) => withMoney(v, money, key, parent, currency));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const cur = typeof o.currency === "string" ? o.currency : currency;
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, withMoney(v, money, k, key, cur)]),
    );
  }
  return value;
}
