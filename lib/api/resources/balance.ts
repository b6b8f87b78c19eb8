import { z } from "zod";
import { maskText } from "../../operations/mask";
import { present, ZIso, ZMoney } from "./wire";

// The watched-account resource: latest balance, floors, level, approved-but-unsent total and
// runway. Answered by GET /api/balances and, with each account's series, by the balance chart and
// the overview. Money is integer minor units.

export const ZBalanceLevel = z.enum(["ok", "warning", "critical", "unknown"]);
export type TBalanceLevel = z.infer<typeof ZBalanceLevel>;

export const ZAccountSummary = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  currency: z.string(),
  state: z.string(),
  available: ZMoney.nullable(),
  pending: ZMoney.nullable(),
  at: ZIso.nullable(), // when the latest balance was read
  lastError: z.string().nullable(), // the last poll's failure, masked
  dailySpend: ZMoney,
  warningFloor: ZMoney,
  criticalFloor: ZMoney,
  committed: ZMoney, // approved-but-unsent operations from this account (amount + fee estimate)
  runway: z.object({ projected: ZMoney, days: z.number().nullable() }).nullable(),
  level: ZBalanceLevel,
});
export type TAccountSummary = z.infer<typeof ZAccountSummary>;

/** One account's summary with its last poll's error masked (a Mono message may quote a number). */
export function maskAccountSummary<T extends { lastError: string | null }>(a: T): T {
  return { ...a, lastError: a.lastError === null ? null : maskText(a.lastError) };
}

export const ZAccountList = z.object({ accounts: z.array(ZAccountSummary) });
export type TAccountList = z.infer<typeof ZAccountList>;
export function presentAccountList(accounts: { lastError: string | null }[]) {
  return present(ZAccountList, { accounts: accounts.map(maskAccountSummary) });
}
