import "server-only";
import type { MonoClient } from "../mono";

export const DRIFT_KINDS = ["missing_at_mono", "missing_here", "state_mismatch", "amount_mismatch", "balance_drift"] as const;
export type TDriftKind = (typeof DRIFT_KINDS)[number];
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
export type TReconcileMono = Pick<MonoClient, "getPayout" | "listTransfers" | "listLedgerTransactions" | "getLedgerBalance" | "listLedgerAccounts" | "listAccounts">;

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
export async function allPages<T>(load: (page: number) => Promise<{ items: T[]; totalPages: number }>, maxPages = 200): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const r = await load(page);
    out.push(...r.items);
    if (page >= r.totalPages) break;
  }
  return out;
}
