import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { db } from "../db";
import type { TMonoTransfer } from "../mono/contract";
import { allPages, LAG_TOLERANCE_MS, type TFinding, type TScope } from "./types";

// Our Banking transfers vs Mono's, matched by the external_id we send for every row: Mono's
// transfers on the window's accounts are listed once (inserted_at ≥ window start); a row of ours
// not in that list is looked up by external_id alone before it is called missing. Transfers on
// those accounts that match no row of ours (any time) were created elsewhere.

const FINAL = new Set(["approved", "declined", "cancelled", "duplicated"]);
const ON_MONO = new Set<OperationState>(["accepted", "settled", "failed"]);

function outcomeOf(states: (string | undefined)[]): OperationState {
  if (!states.every((s) => s && FINAL.has(s))) return "accepted";
  return states.includes("approved") ? "settled" : "failed";
}

async function monoTransfers(s: TScope, account: string): Promise<TMonoTransfer[]> {
  return allPages(async (page) => {
    const r = await s.mono.listTransfers({
      account_id: account,
      inserted_at: { from: s.windowStart.toISOString() },
      page_number: page,
      page_size: 500,
    });
    return { items: r.transfers, totalPages: r.pagination.total_pages };
  });
}

export async function compareTransfers(
  s: TScope,
  now: Date,
): Promise<{ findings: TFinding[]; checked: number }> {
  const findings: TFinding[] = [];
  const listed: TMonoTransfer[] = [];
  for (const account of s.bankAccounts) listed.push(...(await monoTransfers(s, account)));
  const byExternal = new Map(listed.filter((t) => t.external_id).map((t) => [t.external_id!, t]));

  const ops = await db.operation.findMany({
    where: {
      kind: { in: ["bank_transfer", "transfer_batch"] },
      createdAt: { gte: s.windowStart, lte: s.windowEnd },
      sourceAccountId: { in: s.bankAccounts },
      state: { in: ["accepted", "settled", "failed"] },
    },
    select: {
      id: true,
      state: true,
      monoId: true,
      items: { select: { externalId: true, amount: true, monoTransferId: true } },
    },
  });
  for (const op of ops) {
    const found: (TMonoTransfer | undefined)[] = [];
    for (const it of op.items) {
      let t = byExternal.get(it.externalId);
      if (!t)
        t = (await s.mono.listTransfers({ external_id: it.externalId }, { operationId: op.id }))
          .transfers[0];
      found.push(t);
    }
    const missing = op.items.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      findings.push({
        kind: "missing_at_mono",
        severity: "critical",
        operationId: op.id,
        monoObjectId: op.monoId,
        evidence: {
          state: op.state,
          missing: missing.map((m) => m.externalId),
          of: op.items.length,
          mono: "GET /v1/transfers?external_id=… → none",
        },
      });
      continue;
    }
    const want = outcomeOf(found.map((t) => t?.state));
    const lagging = op.state === "accepted" && want !== "accepted";
    const newest = Math.max(...found.map((t) => new Date(t!.updated_at).getTime()));
    if (
      ON_MONO.has(op.state) &&
      want !== op.state &&
      (!lagging || now.getTime() - newest > LAG_TOLERANCE_MS)
    ) {
      findings.push({
        kind: "state_mismatch",
        severity: lagging ? "warning" : "critical",
        operationId: op.id,
        monoObjectId: op.monoId,
        evidence: {
          ours: op.state,
          monoOutcome: want,
          transfers: found.map(
            (t) =>
              `${t!.id} ${t!.state}${t!.declination_reason ? ` (${t!.declination_reason})` : ""}`,
          ),
        },
      });
    }
    const amountDiffs = op.items.flatMap((it, i) =>
      found[i]!.amount.amount !== Number(it.amount)
        ? [
            {
              externalId: it.externalId,
              transferId: found[i]!.id,
              ours: Number(it.amount),
              mono: found[i]!.amount.amount,
            },
          ]
        : [],
    );
    if (amountDiffs.length > 0)
      findings.push({
        kind: "amount_mismatch",
        severity: "critical",
        operationId: op.id,
        monoObjectId: op.monoId,
        evidence: { currency: "COP", rows: amountDiffs },
      });
  }

  // Created elsewhere: grouped per batch (a dashboard batch is one finding, not a thousand).
  const externals = listed.map((t) => t.external_id).filter((x): x is string => Boolean(x));
  const ours = new Set(
    (
      await db.operationItem.findMany({
        where: { externalId: { in: externals } },
        select: { externalId: true },
      })
    ).map((i) => i.externalId),
  );
  const ourBatches = new Set(
    (
      await db.operation.findMany({
        where: { monoId: { in: [...new Set(listed.map((t) => t.batch.id))] } },
        select: { monoId: true },
      })
    ).map((o) => o.monoId),
  );
  const foreign = new Map<string, TMonoTransfer[]>();
  for (const t of listed) {
    if ((t.external_id && ours.has(t.external_id)) || ourBatches.has(t.batch.id)) continue;
    foreign.set(t.batch.id, [...(foreign.get(t.batch.id) ?? []), t]);
  }
  for (const [batchId, ts] of foreign) {
    findings.push({
      kind: "missing_here",
      severity: "warning",
      operationId: null,
      monoObjectId: batchId,
      evidence: {
        account: ts[0].account_id,
        origin: ts[0].batch.origin,
        batchState: ts[0].batch.state,
        count: ts.length,
        total: ts.reduce((a, t) => a + t.amount.amount, 0),
        transfers: ts
          .slice(0, 20)
          .map(
            (t) =>
              `${t.id} ${t.amount.amount} ${t.state}${t.external_id ? ` ext ${t.external_id}` : ""}`,
          ),
      },
    });
  }
  return { findings, checked: ops.length };
}
