import "server-only";
import type { Operation, OperationItem } from "@/generated/prisma/client";
import { db } from "../db";
import { getMonoClient } from "../mono";
import type { TMonoTransfer } from "../mono/contract";
import { describeMonoError } from "../search/lookup-account";
import { monoEvidence, split, type TCoded, type TWorded } from "./recovery-words";

export type TMonoPresence = {
  presence: "yes" | "no" | "unknown";
  monoId?: string;
  monoState?: string;
  monoStateReason?: string | null;
  sourceAmount?: bigint;
  transfers?: TMonoTransfer[];
  evidence: string[]; // English (API, audit details)
  evidenceCodes: TCoded[]; // the same evidence as codes and values (recovery-words.ts), in order
};

type TFound = Omit<TMonoPresence, "evidence" | "evidenceCodes"> & { evidence: TWorded[] };
const withEvidence = ({ evidence, ...found }: TFound): TMonoPresence => {
  const { texts, codes } = split(evidence);
  return { ...found, evidence: texts, evidenceCodes: codes };
};

type TOp = Pick<
  Operation,
  | "id"
  | "kind"
  | "externalId"
  | "idempotencyKey"
  | "monoId"
  | "sourceAccountId"
  | "amount"
  | "feeEstimate"
  | "firstSentAt"
> & { items: Pick<OperationItem, "externalId">[] };

const LEDGER_PAGES = 10; // × 500 holds: an account sending more than that in the window gives "unknown"
const MAX_PAYOUT_GETS = 25;

// Does Mono already have this operation, looked up by what identifies it for Mono (its
// external_id)? Only reads are used. We deliberately do NOT re-POST a payout to find out:
// Core answers an existing external_id with the original (200), but when Mono does not have it the
// same POST creates it — that is the retry action, not a check. So for payouts: (1) the Mono id
// we recorded, (2) any 2xx answer to this key in our request log, (3) Mono's ledger: every payout
// places a hold on its source account whose id_in_origin is the payout id, so the holds since the
// first send are read and the plausible ones fetched (GET /v1/core/payouts/{id}) to compare
// external_id. Transfers: GET /v1/transfers?external_id= (Mono's documented filter).
export async function findAtMono(op: TOp): Promise<TMonoPresence> {
  try {
    return withEvidence(op.kind === "payout" ? await findPayout(op) : await findTransfers(op));
  } catch (err) {
    return withEvidence({
      presence: "unknown",
      evidence: [monoEvidence.lookupFailed(describeMonoError(err))],
    });
  }
}

async function findPayout(op: TOp): Promise<TFound> {
  const mono = getMonoClient();
  const evidence: TWorded[] = [];
  const candidates: string[] = [];
  if (op.monoId) candidates.push(op.monoId);
  const answered = await db.requestLog.findMany({
    where: { idempotencyKey: op.idempotencyKey, statusClass: "2xx" },
    select: { responseBody: true, requestId: true },
    take: 20,
  });
  for (const r of answered) {
    const id = (r.responseBody as { id?: unknown } | null)?.id;
    if (typeof id === "string" && id.startsWith("cpout_")) candidates.push(id);
  }
  for (const id of [...new Set(candidates)]) {
    const p = await mono.getPayout(id, { operationId: op.id });
    if (p.external_id === op.externalId) {
      return {
        presence: "yes",
        monoId: p.id,
        monoState: p.state,
        monoStateReason: p.state_reason,
        sourceAmount: BigInt(p.source_amount.amount),
        evidence: [monoEvidence.payoutFound(p.id, p.external_id, p.state)],
      };
    }
  }
  const sentAt =
    op.firstSentAt ??
    (
      await db.requestLog.findFirst({
        where: { idempotencyKey: op.idempotencyKey },
        orderBy: { at: "asc" },
        select: { at: true },
      })
    )?.at;
  if (!sentAt) return { presence: "no", evidence: [monoEvidence.neverSent()] };

  // Hold = source_amount = target + fees; fees are at most a few thousand pesos plus GMF (4 ‰).
  const low = op.amount;
  const high = op.amount + op.feeEstimate * 2n + op.amount / 100n + 1_000_000n;
  const from = new Date(sentAt.getTime() - 5 * 60_000).toISOString();
  let fetched = 0;
  for (let page = 1; page <= LEDGER_PAGES; page++) {
    const r = await mono.listLedgerTransactions(
      op.sourceAccountId,
      {
        origin: "payout",
        operation_type: "hold",
        transaction_at: { from },
        page_number: page,
        page_size: 500,
      },
      { operationId: op.id },
    );
    for (const t of r.transactions) {
      const amount = BigInt(t.amount.amount);
      if (amount < low || amount > high || !t.id_in_origin.startsWith("cpout_")) continue;
      if (++fetched > MAX_PAYOUT_GETS)
        return {
          presence: "unknown",
          evidence: [...evidence, monoEvidence.tooManyCandidates(MAX_PAYOUT_GETS)],
        };
      const p = await mono.getPayout(t.id_in_origin, { operationId: op.id });
      if (p.external_id === op.externalId) {
        return {
          presence: "yes",
          monoId: p.id,
          monoState: p.state,
          monoStateReason: p.state_reason,
          sourceAmount: BigInt(p.source_amount.amount),
          evidence: [monoEvidence.holdMatches(t.id, op.sourceAccountId, p.id, p.state)],
        };
      }
    }
    if (page >= r.pagination.total_pages) {
      evidence.push(
        monoEvidence.holdsRead(
          op.sourceAccountId,
          from,
          r.pagination.total_items ?? null,
          fetched,
          op.externalId,
        ),
      );
      evidence.push(monoEvidence.noHoldIfRefused());
      return { presence: "no", evidence };
    }
  }
  return {
    presence: "unknown",
    evidence: [monoEvidence.tooManyHolds(LEDGER_PAGES * 500)],
  };
}

async function findTransfers(op: TOp): Promise<TFound> {
  const mono = getMonoClient();
  if (op.items.length === 0)
    return { presence: "unknown", evidence: [monoEvidence.noTransferRows()] };
  // A batch is atomic at Mono (one bad row creates none), so its first and last rows tell.
  const probes = [...new Set([op.items[0].externalId, op.items[op.items.length - 1].externalId])];
  for (const externalId of probes) {
    const r = await mono.listTransfers(
      { external_id: externalId, page_size: 10 },
      { operationId: op.id },
    );
    const t =
      r.transfers.find((x) => x.external_id === externalId && x.state !== "duplicated") ??
      r.transfers[0];
    if (!t) continue;
    const transfers = await listBatch(t.batch.id, op.id);
    return {
      presence: "yes",
      monoId: t.batch.id,
      monoState: t.batch.state,
      transfers,
      evidence: [monoEvidence.transferFound(externalId, t.id, t.batch.id, t.batch.state)],
    };
  }
  return {
    presence: "no",
    evidence: probes.map((e) => monoEvidence.transferNone(e)),
  };
}

async function listBatch(batchId: string, operationId: string): Promise<TMonoTransfer[]> {
  const out: TMonoTransfer[] = [];
  for (let page = 1; page <= 10; page++) {
    const r = await getMonoClient().listTransfers(
      { batch_id: batchId, page_number: page, page_size: 500 },
      { operationId },
    );
    out.push(...r.transfers);
    if (page >= r.pagination.total_pages) break;
  }
  return out;
}
