import "server-only";
import { randomUUID } from "node:crypto";
import type { OperationKind, Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { newId } from "../ids";
import { AppError } from "../api/app-error";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { getPolicy } from "../guard/get-policy";
import { evaluateTier } from "../guard/evaluate-tier";
import { checkSubmission } from "../guard/check-submission";
import { fingerprintOf } from "./build-mono-request";
import { readAvailableBalance } from "./read-available-balance";
import { sendOperation } from "./send-operation";

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
) {
  const { version: policyVersion, settings: policy } = await getPolicy();
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
  const op = await db.$transaction(async (tx) => {
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
    const created = await tx.operation.create({
      data: {
        id,
        kind: draft.kind,
        state,
        amount: draft.amount,
        feeEstimate: draft.fee,
        sourceAccountId: draft.sourceAccountId,
        method: draft.method,
        transferMode: draft.transferMode,
        target: draft.target,
        beneficiaryKey: draft.beneficiaryKey,
        rowCount: items?.length ?? 1,
        description: draft.description,
        reason: draft.reason,
        ticketRef: draft.ticketRef,
        idempotencyKey: randomUUID(),
        externalId,
        fingerprint: fingerprintOf(monoRequest),
        monoRequest,
        requiredApprovals: tier.requiredApprovals,
        stepUpRequired: tier.stepUp,
        policyVersion,
        duplicateReason: draft.duplicateReason,
        createdById: user.id,
        items: items
          ? { create: items.map((it, position) => ({ id: newId("opi"), position, ...it })) }
          : undefined,
      },
    });
    await recordAudit(
      {
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
      },
      tx,
    );
    return created;
  });
  if (op.state === "approved") await sendOperation(op.id, { ctx });
  return db.operation.findUniqueOrThrow({ where: { id: op.id } });
}
