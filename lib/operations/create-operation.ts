import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type Operation, type OperationKind } from "@/generated/prisma/client";
import { pgSql, pgTransaction } from "../db";
import { newId } from "../ids";
import { AppError } from "../api/app-error";
import { auditAppendSql, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { getPolicy, type TPolicy } from "../guard/get-policy";
import { evaluateTier } from "../guard/evaluate-tier";
import { checkSubmission } from "../guard/check-submission";
import { fingerprintOf } from "./build-mono-request";
import { readAvailableBalance } from "./read-available-balance";
import { sendOperation } from "./send-operation";
import { utc } from "../sql-time";

export type TOperationDraft = {
  kind: OperationKind;
  amount: bigint;
  fee: bigint;
  sourceAccountId: string;
  method?: string;
  transferMode?: string;
  target: Prisma.InputJsonValue;
  beneficiaryKey: string | null;
  // Transfer rows, built from the operation's external id (each row's external_id derives from it).
  items?: (externalId: string) => {
    externalId: string;
    amount: bigint;
    bankCode: string;
    accountNumber: string;
    payeeName: string;
  }[];
  description?: string;
  reason: string;
  ticketRef?: string;
  duplicateReason?: string;
  // Builds the exact Mono body from the ids minted here, so the body embeds the external id.
  buildMonoRequest: (ids: { operationId: string; externalId: string }) => Prisma.InputJsonValue;
};

// Phase A of the write path: the guard decides, then ONE transaction commits the operation with
// its idempotency key, external id and fingerprint (plus its audit entry). From here the
// operation cannot be lost. Operations that need no approval are sent right away.
export async function createOperation(
  draft: TOperationDraft,
  user: TCurrentUser,
  ctx: TAuditContext,
  // The policy the caller already read for this submission (fees): one read for one decision.
  policyInForce?: TPolicy,
) {
  const policyRead = policyInForce ?? (await getPolicy());
  const { version: policyVersion, settings: policy } = policyRead;
  const tier = evaluateTier(draft.amount, policy);
  if (tier.kind === "refused") {
    throw new AppError("unprocessable", "This amount is above the largest the console may send", {
      errors: [{ path: "/amount", message: "Over the refusal tier", code: "amount_over_limit" }],
      meta: { reason: "amount_over_limit", max: BigInt(policy.tiers.twoApproversMax) },
    });
  }
  const available = await readAvailableBalance(draft.sourceAccountId);
  const required = draft.amount + draft.fee;
  if (available < required) {
    throw new AppError("unprocessable", "The source account cannot cover this amount plus fees", {
      errors: [{ path: "/amount", message: "Insufficient balance", code: "insufficient_balance" }],
      meta: {
        reason: "insufficient_balance",
        available,
        required,
        shortfall: required - available,
      },
    });
  }

  const id = newId("op");
  const externalId = `mops-${id}`;
  const monoRequest = draft.buildMonoRequest({ operationId: id, externalId });
  const items = draft.items?.(externalId);
  const state = tier.requiredApprovals === 0 ? "approved" : "pending_approval";
  // One node-pg transaction (see pgPool() in lib/db.ts): the checks, the rows and the audit entry.
  await pgTransaction(async (tx) => {
    await checkSubmission(
      tx,
      {
        userId: user.id,
        amount: draft.amount,
        beneficiaryKey: draft.beneficiaryKey,
        duplicateReason: draft.duplicateReason,
      },
      policy,
    );
    // One statement for the operation, its transfer rows and its audit entry (the audit chain's
    // lock is taken last, just before COMMIT). The rows travel as one array per column, so the
    // statement's text is the same for a batch of 1 or 1,000 and is prepared once per connection
    // (lib/pg-client.ts), as the webhook group commit does (lib/webhooks/store-events.ts).
    const now = utc(new Date());
    const rows = items?.length
      ? Prisma.sql`, rows AS (
          INSERT INTO "OperationItem" ("id", "operationId", "position", "externalId", "amount", "bankCode",
            "accountNumber", "payeeName", "updatedAt")
          SELECT v.id, op.id, v.position, v.ext, v.amount, v.bank, v.account, v.payee, ${now}
          FROM op, unnest(${items.map(() => newId("opi"))}::text[], ${items.map((_, i) => i)}::int[],
            ${items.map((it) => it.externalId)}::text[], ${items.map((it) => it.amount.toString())}::bigint[],
            ${items.map((it) => it.bankCode)}::text[], ${items.map((it) => it.accountNumber)}::text[],
            ${items.map((it) => it.payeeName)}::text[]) AS v(id, position, ext, amount, bank, account, payee))`
      : Prisma.empty;
    await tx.$queryRaw`
      WITH op AS (
        INSERT INTO "Operation" ("id", "kind", "state", "amount", "feeEstimate", "sourceAccountId", "method",
          "transferMode", "target", "beneficiaryKey", "rowCount", "description", "reason", "ticketRef",
          "idempotencyKey", "externalId", "fingerprint", "monoRequest", "requiredApprovals", "stepUpRequired",
          "policyVersion", "duplicateReason", "createdById", "createdAt", "updatedAt")
        VALUES (${id}, ${draft.kind}::"OperationKind", ${state}::"OperationState", ${draft.amount}, ${draft.fee},
          ${draft.sourceAccountId}, ${draft.method ?? null}, ${draft.transferMode ?? null},
          ${JSON.stringify(draft.target)}::jsonb, ${draft.beneficiaryKey}, ${items?.length ?? 1}::int,
          ${draft.description ?? null}, ${draft.reason}, ${draft.ticketRef ?? null}, ${randomUUID()},
          ${externalId}, ${fingerprintOf(monoRequest)}, ${JSON.stringify(monoRequest)}::jsonb,
          ${tier.requiredApprovals}::int, ${tier.stepUp}, ${policyVersion}::int, ${draft.duplicateReason ?? null},
          ${user.id}, ${now}, ${now})
        RETURNING "id")${rows}
      SELECT ${auditAppendSql({
        action: "operation.created",
        target: { type: "operation", id },
        details: {
          kind: draft.kind,
          amount: draft.amount,
          state,
          tier: tier.kind,
          policyVersion,
          available,
          fee: draft.fee,
          duplicateReason: draft.duplicateReason ?? null,
          ticketRef: draft.ticketRef ?? null,
        },
        ctx,
      })} FROM op`;
  });
  // The kill switch is checked against the policy this request decided with (read milliseconds ago).
  let accepted: Operation | null = null;
  if (state === "approved")
    await sendOperation(id, { ctx, policy: policyRead, onAccepted: (row) => (accepted = row) });
  if (accepted) return accepted;
  const [op] = await pgSql.$queryRaw<Operation[]>`SELECT * FROM "Operation" WHERE "id" = ${id}`;
  return op;
}
