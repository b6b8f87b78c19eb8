import "server-only";
import type { z } from "zod";
import { db } from "../db";
import { AppError } from "../api/app-error";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { getPolicy } from "../guard/get-policy";
import { evaluateTier } from "../guard/evaluate-tier";
import { estimateFee } from "../guard/estimate-fees";
import { beneficiaryKey, fingerprintOf, payoutRequest } from "./build-mono-request";
import { readAvailableBalance } from "./read-available-balance";
import { transition } from "./transition";
import { sendOperation } from "./send-operation";
import type { TPayoutInput, ZEditPayoutInput } from "./schemas";

type TEdit = z.infer<typeof ZEditPayoutInput>;

// The maker edits a payout still waiting for approval. The Mono body and its fingerprint are
// rebuilt (same idempotency key and external id: nothing was ever sent), so every approval given
// so far no longer counts; the tier is decided again for the new amount.
export async function editPayout(id: string, edit: TEdit, user: TCurrentUser, ctx: TAuditContext) {
  const op = await db.operation.findUnique({ where: { id } });
  if (!op || op.kind !== "payout") throw new AppError("not_found", "No such payout");
  if (op.createdById !== user.id)
    throw new AppError("forbidden", "Only the maker may edit a payout");
  if (op.state !== "pending_approval")
    throw new AppError(
      "state_conflict",
      `The payout is ${op.state}; only payouts waiting for approval can be edited`,
    );
  const req = op.monoRequest as unknown as ReturnType<typeof payoutRequest>;
  const before = op.target as unknown as TPayoutInput["beneficiary"];
  const next = {
    sourceAccountId: op.sourceAccountId,
    method: (edit.method ?? op.method) as TPayoutInput["method"],
    amount: edit.amount ?? Number(op.amount),
    beneficiary: edit.beneficiary ?? before,
    description: edit.description ?? req.description ?? undefined,
  };
  const { settings: policy } = await getPolicy();
  const amount = BigInt(next.amount);
  const tier = evaluateTier(amount, policy);
  if (tier.kind === "refused")
    throw new AppError("unprocessable", "This amount is above the largest the console may send", {
      meta: { reason: "amount_over_limit" },
    });
  const fee = estimateFee(amount, { payout: next.method }, policy);
  const available = await readAvailableBalance(op.sourceAccountId);
  if (available < amount + fee)
    throw new AppError("unprocessable", "The source account cannot cover this amount plus fees", {
      meta: {
        reason: "insufficient_balance",
        available,
        required: amount + fee,
        shortfall: amount + fee - available,
      },
    });
  const monoRequest = payoutRequest(next, op.externalId, op.id);
  const fingerprint = fingerprintOf(monoRequest);
  const to = tier.requiredApprovals === 0 ? "approved" : "pending_approval";
  const moved = await db.$transaction((tx) =>
    transition(tx, {
      id,
      from: ["pending_approval"],
      to,
      data: {
        amount,
        feeEstimate: fee,
        method: next.method,
        target: next.beneficiary,
        beneficiaryKey: beneficiaryKey(next.beneficiary),
        description: next.description,
        monoRequest: monoRequest as object,
        fingerprint,
        requiredApprovals: tier.requiredApprovals,
        stepUpRequired: tier.stepUp,
      },
      action: "operation.edited",
      details: {
        reason: edit.reason,
        fingerprintBefore: op.fingerprint,
        fingerprintAfter: fingerprint,
        amountBefore: op.amount,
        amountAfter: amount,
        approvalsVoided: fingerprint !== op.fingerprint,
      },
      ctx,
    }),
  );
  if (!moved)
    throw new AppError("state_conflict", "The payout changed state while you were editing it");
  if (to === "approved") await sendOperation(id, { ctx });
  return db.operation.findUniqueOrThrow({ where: { id } });
}
