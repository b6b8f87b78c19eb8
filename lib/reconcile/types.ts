import "server-only";
import type { MonoClient } from "../mono";
import type { TDriftKind } from "./list-query";

export { DRIFT_KINDS, type TDriftKind } from "./list-query";
export type TDriftSeverity = "critical" | "warning" | "info";

/** One discrepancy between our records and Mono's, with the evidence a person needs to judge it. */
export type TFinding = {
  kind: TDriftKind;
  severity: TDriftSeverity;
  operationId: string | null;
  monoObjectId: string | null;
  evidence: Record<string, unknown>;
};

/** The Mono reads reconciliation needs (the client's methods; a test may wrap them). */
export type TReconcileMono = Pick<
  MonoClient,
  | "getPayout"
  | "listTransfers"
  | "listLedgerTransactions"
  | "getLedgerBalance"
  | "listLedgerAccounts"
  | "listAccounts"
>;

export type TScope = {
  windowStart: Date;
  windowEnd: Date;
  /** lacc_ accounts whose payouts, ledger and balance are checked */
  ledgerAccounts: string[];
  /** acc_ accounts whose transfers are checked */
  bankAccounts: string[];
  mono: TReconcileMono;
};

/** Mono's answer is older than this: an accepted operation that Mono already finished is lagging. */
export const LAG_TOLERANCE_MS = 10 * 60_000;

/** Walks Mono's page_number pagination (500 per page). */
export async function allPages<T>(
  load: (page: number) => Promise<{ items: T[]; totalPages: number }>,
  maxPages = 200,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const r = await load(page);
    out.push(...r.items);
    if (page >= r.totalPages) break;
  }
  return out;
}
