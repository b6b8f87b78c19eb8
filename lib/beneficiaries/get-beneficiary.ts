import "server-only";
import { sql } from "kysely";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { beneficiaryLookups, type TBeneficiaryRow } from "./lookups";

// Everything the console holds about one beneficiary (docs/INVESTIGATION.md "A page per
// beneficiary"): every payout and transfer row to the account, across batches, with the operation's
// state; the Bre-B resolutions that led to it; the webhook events and reconciliation findings of
// those operations; and totals. Each read is an equality on an indexed column.

export const ROW_LIMIT = 500;
const DAY_MS = 86_400_000;

export type TBeneficiaryPayment = {
  operationId: string;
  kind: string;
  position: number | null; // the row of a transfer batch; null for a payout
  amount: bigint;
  currency: string;
  operationState: string;
  rowState: string | null; // Mono's state of this transfer row
  bucket: "paid" | "in_flight" | "failed" | "stopped";
  monoId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

const IN_FLIGHT = new Set([
  "draft",
  "pending_approval",
  "approved",
  "sending",
  "accepted",
  "needs_attention",
]);
const STOPPED = new Set(["rejected", "cancelled", "expired"]);
const ROW_FAILED = new Set(["failed", "declined", "rejected", "returned", "cancelled"]);

export function bucketOf(opState: string, rowState: string | null): TBeneficiaryPayment["bucket"] {
  if (rowState && ROW_FAILED.has(rowState.toLowerCase())) return "failed";
  if (opState === "settled") return "paid";
  if (opState === "failed") return "failed";
  if (STOPPED.has(opState)) return "stopped";
  return IN_FLIGHT.has(opState) ? "in_flight" : "in_flight";
}

export async function getBeneficiary(id: string, now = new Date()) {
  const b = await beneficiaryLookups.byId(id);
  if (!b) throw AppError.worded("not_found", consoleWords("no_such", { thing: "beneficiary" }));
  return beneficiaryStory(b, now);
}

export async function beneficiaryStory(b: TBeneficiaryRow, now = new Date()) {
  const key = `${b.bankCode}:${b.accountNumber}`;
  const [whole, rows, breb] = await Promise.all([
    // Payouts and single transfers carry the beneficiary key (index beneficiaryKey, createdAt).
    sqlDb
      .selectFrom("Operation")
      .select([
        "id",
        "kind",
        "amount",
        "currency",
        "state",
        "monoId",
        "monoState",
        "createdAt",
        "finishedAt",
      ])
      .where("beneficiaryKey", "=", key)
      .orderBy("createdAt", "desc")
      .limit(ROW_LIMIT)
      .execute(),
    // Transfer rows of every batch (index bankCode, accountNumber, amount).
    sqlDb
      .selectFrom("OperationItem as i")
      .innerJoin("Operation as o", "o.id", "i.operationId")
      .select([
        "o.id",
        "o.kind",
        "i.position",
        "i.amount",
        "o.currency",
        "o.state",
        "i.monoState",
        "i.monoTransferId",
        "o.createdAt",
        "o.finishedAt",
      ])
      .where("i.bankCode", "=", b.bankCode)
      .where("i.accountNumber", "=", b.accountNumber)
      .orderBy("o.createdAt", "desc")
      .limit(ROW_LIMIT)
      .execute(),
    sqlDb
      .selectFrom("BrebResolution")
      .select([
        "id",
        "keyValue",
        "keyType",
        "holderName",
        "documentType",
        "documentNumber",
        "resolvedAt",
        "resolvedById",
      ])
      .where("accountNumber", "=", b.accountNumber)
      .orderBy("resolvedAt", "desc")
      .limit(50)
      .execute(),
  ]);
  const payments: TBeneficiaryPayment[] = [];
  const withItems = new Set(rows.map((r) => r.id));
  for (const o of whole) {
    if (o.kind !== "payout" && withItems.has(o.id)) continue; // its row is listed below
    payments.push({
      operationId: o.id,
      kind: o.kind,
      position: null,
      amount: o.amount,
      currency: o.currency,
      operationState: o.state,
      rowState: o.monoState,
      bucket: bucketOf(o.state, null),
      monoId: o.monoId,
      createdAt: o.createdAt,
      finishedAt: o.finishedAt,
    });
  }
  for (const r of rows)
    payments.push({
      operationId: r.id,
      kind: r.kind,
      position: r.kind === "transfer_batch" ? r.position : null,
      amount: r.amount,
      currency: r.currency,
      operationState: r.state,
      rowState: r.monoState,
      bucket: bucketOf(r.state, r.monoState),
      monoId: r.monoTransferId,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
    });
  payments.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
  const opIds = [...new Set(payments.map((p) => p.operationId))];
  const [webhooks, findings] = opIds.length
    ? await Promise.all([
        sqlDb
          .selectFrom("WebhookEvent")
          .select(["id", "type", "objectId", "operationId", "receivedAt", "processingResult"])
          .where((eb) => eb("operationId", "=", eb.fn.any(eb.val(opIds))))
          .orderBy("receivedAt", "desc")
          .limit(100)
          .execute(),
        sqlDb
          .selectFrom("Drift")
          .select([
            "id",
            "kind",
            "severity",
            "operationId",
            "monoObjectId",
            "createdAt",
            "resolvedAt",
          ])
          .where((eb) => eb("operationId", "=", eb.fn.any(eb.val(opIds))))
          .orderBy("createdAt", "desc")
          .limit(100)
          .execute(),
      ])
    : [[], []];
  const since = now.getTime() - 30 * DAY_MS;
  const sum = (ps: TBeneficiaryPayment[]) => ps.reduce((s, p) => s + p.amount, 0n);
  const recent = payments.filter((p) => p.createdAt.getTime() >= since);
  const totals = {
    paid: sum(payments.filter((p) => p.bucket === "paid")),
    inFlight: sum(payments.filter((p) => p.bucket === "in_flight")),
    failed: sum(payments.filter((p) => p.bucket === "failed")),
    last30Days: {
      count: recent.length,
      paid: sum(recent.filter((p) => p.bucket === "paid")),
      failed: sum(recent.filter((p) => p.bucket === "failed")),
    },
    count: payments.length,
    truncated: whole.length >= ROW_LIMIT || rows.length >= ROW_LIMIT,
  };
  return {
    beneficiary: b,
    payments,
    totals,
    brebResolutions: breb,
    webhooks: webhooks.map((w) => ({ ...w, id: w.id.toString() })),
    findings,
  };
}

/** The beneficiaries of one operation (its payout target or its transfer rows), for its page. */
export async function beneficiariesOfOperation(operationId: string) {
  const op = await sqlDb
    .selectFrom("Operation")
    .select(["id", "beneficiaryKey", "kind"])
    .where("id", "=", operationId)
    .executeTakeFirst();
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const pairs = new Map<string, { bankCode: string; accountNumber: string }>();
  if (op.beneficiaryKey) {
    const at = op.beneficiaryKey.lastIndexOf(":");
    pairs.set(op.beneficiaryKey, {
      bankCode: op.beneficiaryKey.slice(0, at),
      accountNumber: op.beneficiaryKey.slice(at + 1),
    });
  }
  const items = await sqlDb
    .selectFrom("OperationItem")
    .select(["bankCode", "accountNumber"])
    .where("operationId", "=", operationId)
    .orderBy("position")
    .limit(1000)
    .execute();
  for (const it of items) pairs.set(`${it.bankCode}:${it.accountNumber}`, it);
  if (pairs.size === 0) return [];
  const list = [...pairs.values()];
  // One statement whatever the number of rows: the pairs as two array parameters (unique index).
  const found = await sqlDb
    .selectFrom("Beneficiary")
    .select(["id", "bankCode", "accountNumber", "name"])
    .where(
      sql<boolean>`("bankCode", "accountNumber") IN (SELECT * FROM unnest(${list.map((p) => p.bankCode)}::text[], ${list.map((p) => p.accountNumber)}::text[]))`,
    )
    .execute();
  return found;
}
