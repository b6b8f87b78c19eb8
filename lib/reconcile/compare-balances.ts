import "server-only";
import type { TMonoLedgerTransaction } from "../mono/contract";
import { allPages, type TFinding, type TScope } from "./types";

// Balance drift: a ledger account's balance must be explained by its movements. Credits add,
// debits subtract, holds and releases only move money between available and pending, so
// Σcredit − Σdebit = available + pending. The balance is read before and after the (paginated)
// movement list; an account that moved in between is reported as busy and checked next run,
// never as drift.

export type TBalanceCheck = {
  account: string;
  status: "ok" | "drift" | "busy";
  ledgerSum: number;
  balance: number;
};

export async function compareBalances(
  s: TScope,
): Promise<{ findings: TFinding[]; checks: TBalanceCheck[] }> {
  const findings: TFinding[] = [];
  const checks: TBalanceCheck[] = [];
  for (const account of s.ledgerAccounts) {
    const before = await s.mono.getLedgerBalance(account, { live: true });
    const movements: TMonoLedgerTransaction[] = await allPages(async (page) => {
      const r = await s.mono.listLedgerTransactions(account, { page_number: page, page_size: 500 });
      return { items: r.transactions, totalPages: r.pagination.total_pages };
    }, 1000);
    const after = await s.mono.getLedgerBalance(account, { live: true });
    const total = after.available.amount + after.pending.amount;
    const ledgerSum = movements.reduce(
      (a, m) =>
        a +
        (m.operation_type === "credit"
          ? m.amount.amount
          : m.operation_type === "debit"
            ? -m.amount.amount
            : 0),
      0,
    );
    if (
      before.available.amount !== after.available.amount ||
      before.pending.amount !== after.pending.amount
    ) {
      checks.push({ account, status: "busy", ledgerSum, balance: total });
      continue;
    }
    if (ledgerSum !== total) {
      findings.push({
        kind: "balance_drift",
        severity: "critical",
        operationId: null,
        monoObjectId: account,
        evidence: {
          currency: after.available.currency,
          available: after.available.amount,
          pending: after.pending.amount,
          balance: total,
          ledgerSum,
          difference: total - ledgerSum,
          movements: movements.length,
        },
      });
    }
    checks.push({
      account,
      status: ledgerSum === total ? "ok" : "drift",
      ledgerSum,
      balance: total,
    });
  }
  return { findings, checks };
}
