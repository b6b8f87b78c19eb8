import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { db } from "../db";
import { MonoApiError } from "../mono";
import type { TMonoLedgerTransaction, TMonoPayout } from "../mono/contract";
import { allPages, LAG_TOLERANCE_MS, type TFinding, type TScope } from "./types";

// Our payouts vs Mono: each operation's payout (GET by monoId), its ledger movements
// (origin "payout", id_in_origin = cpout_…) and, the other way round, payouts that moved money in
// the window's ledgers but that no operation of ours knows (created elsewhere — Mono has no
// payout list, so the ledger is how they are found).

const ON_MONO = new Set<OperationState>(["accepted", "settled", "failed"]);

function expectedState(p: TMonoPayout): OperationState {
  return p.state === "settled" ? "settled" : p.state === "failed" ? "failed" : "accepted";
}

export async function payoutMovements(
  s: TScope,
  account: string,
): Promise<TMonoLedgerTransaction[]> {
  return allPages(async (page) => {
    const r = await s.mono.listLedgerTransactions(account, {
      origin: "payout",
      transaction_at: { from: s.windowStart.toISOString() },
      page_number: page,
      page_size: 500,
    });
    return { items: r.transactions, totalPages: r.pagination.total_pages };
  });
}

export function debitedBy(movements: TMonoLedgerTransaction[]): number {
  return movements
    .filter((m) => m.operation_type === "debit")
    .reduce((a, m) => a + m.amount.amount, 0);
}

export async function comparePayouts(
  s: TScope,
  now: Date,
): Promise<{ findings: TFinding[]; checked: number }> {
  const findings: TFinding[] = [];
  const ops = await db.operation.findMany({
    where: {
      kind: "payout",
      createdAt: { gte: s.windowStart, lte: s.windowEnd },
      sourceAccountId: { in: s.ledgerAccounts },
      state: { in: ["accepted", "settled", "failed", "sending", "needs_attention"] },
    },
    select: {
      id: true,
      state: true,
      monoId: true,
      amount: true,
      monoSourceAmount: true,
      sourceAccountId: true,
      externalId: true,
    },
  });
  const byAccount = new Map<string, Map<string, TMonoLedgerTransaction[]>>();
  for (const account of s.ledgerAccounts) {
    const grouped = new Map<string, TMonoLedgerTransaction[]>();
    for (const m of await payoutMovements(s, account))
      grouped.set(m.id_in_origin, [...(grouped.get(m.id_in_origin) ?? []), m]);
    byAccount.set(account, grouped);
  }

  for (const op of ops) {
    if (!op.monoId) {
      // sending / needs_attention without an id are the recovery job's; a "final" one is not
      if (ON_MONO.has(op.state))
        findings.push({
          kind: "missing_at_mono",
          severity: "critical",
          operationId: op.id,
          monoObjectId: null,
          evidence: {
            state: op.state,
            externalId: op.externalId,
            note: "no Mono payout id recorded",
          },
        });
      continue;
    }
    let p: TMonoPayout;
    try {
      p = await s.mono.getPayout(op.monoId, { operationId: op.id });
    } catch (err) {
      if (err instanceof MonoApiError && err.status === 404) {
        findings.push({
          kind: "missing_at_mono",
          severity: "critical",
          operationId: op.id,
          monoObjectId: op.monoId,
          evidence: {
            state: op.state,
            externalId: op.externalId,
            mono: `GET /v1/core/payouts/${op.monoId} → 404`,
            logId: err.logId,
          },
        });
        continue;
      }
      throw err;
    }
    if (ON_MONO.has(op.state)) {
      const want = expectedState(p);
      const lagging = op.state === "accepted" && want !== "accepted";
      if (
        want !== op.state &&
        (!lagging || now.getTime() - new Date(p.updated_at).getTime() > LAG_TOLERANCE_MS)
      ) {
        findings.push({
          kind: "state_mismatch",
          severity: lagging ? "warning" : "critical",
          operationId: op.id,
          monoObjectId: p.id,
          evidence: {
            ours: op.state,
            mono: p.state,
            monoStateReason: p.state_reason,
            monoUpdatedAt: p.updated_at,
          },
        });
      }
    }
    const amounts: Record<string, unknown> = {};
    if (p.target_amount.amount !== Number(op.amount))
      amounts.target = { ours: Number(op.amount), mono: p.target_amount.amount };
    if (op.monoSourceAmount !== null && Number(op.monoSourceAmount) !== p.source_amount.amount)
      amounts.source = { ours: Number(op.monoSourceAmount), mono: p.source_amount.amount };
    const movements = byAccount.get(op.sourceAccountId)?.get(p.id) ?? [];
    const debited = debitedBy(movements);
    const expectedDebit = p.state === "settled" ? p.source_amount.amount : 0;
    if ((p.state === "settled" || p.state === "failed") && debited !== expectedDebit)
      amounts.ledger = {
        expectedDebit,
        debited,
        movements: movements.map((m) => `${m.operation_type} ${m.amount.amount} (${m.id})`),
      };
    if (Object.keys(amounts).length > 0)
      findings.push({
        kind: "amount_mismatch",
        severity: "critical",
        operationId: op.id,
        monoObjectId: p.id,
        evidence: { currency: p.source_amount.currency, ...amounts },
      });
  }

  // Payouts in our ledgers that no operation knows (any time, not only this window's operations).
  for (const [account, grouped] of byAccount) {
    const ids = [...grouped.keys()];
    const known = new Set(
      (
        await db.operation.findMany({ where: { monoId: { in: ids } }, select: { monoId: true } })
      ).map((o) => o.monoId),
    );
    for (const id of ids.filter((x) => !known.has(x))) {
      const movements = grouped.get(id)!;
      let payout: Record<string, unknown> = {};
      try {
        const p = await s.mono.getPayout(id);
        payout = {
          externalId: p.external_id,
          state: p.state,
          targetAmount: p.target_amount.amount,
          method: p.method,
          insertedAt: p.inserted_at,
        };
      } catch {
        payout = { note: "GET payout failed; the ledger movements are the evidence" };
      }
      findings.push({
        kind: "missing_here",
        severity: "warning",
        operationId: null,
        monoObjectId: id,
        evidence: {
          account,
          ...payout,
          movements: movements.map(
            (m) => `${m.operation_type} ${m.amount.amount} at ${m.transaction_at}`,
          ),
        },
      });
    }
  }
  return { findings, checked: ops.length };
}
