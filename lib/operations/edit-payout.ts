import "server-only";
import type { z } from "zod";
import { db, jsonb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { bindInboundRequest, type TInbound } from "../api/idempotency";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { faultPoint } from "../faults/fault-point";
import { getPolicy } from "../guard/get-policy";
import { estimateFee } from "../guard/estimate-fees";
import { guardMoneyChange } from "../guard/guard-money-change";
import { beneficiaryKey, fingerprintOf, payoutRequest } from "./build-mono-request";
import { transition } from "./transition";
import { sendOperation } from "./send-operation";
import type { TPayoutInput, ZEditPayoutInput } from "./schemas";

type TEdit = z.infer<typeof ZEditPayoutInput>;

// The maker edits a payout still waiting for approval. The edit is judged by the same guard as a
// new payout — tier, balance, daily cap (the payout itself not counted twice) and duplicate
// detector — and commits inside it. The Mono body and its fingerprint are rebuilt (same
// idempotency key and external id: nothing was ever sent), so every approval given so far no
// longer counts; the tier is decided again for the new amount.
export async function editPayout(
  id: string,
  edit: TEdit,
  user: TCurrentUser,
  ctx: TAuditContext,
  o: { inbound?: TInbound | null } = {},
) {
  const op = await db.operation.findUnique({ where: { id } });
  if (!op || op.kind !== "payout")
    throw AppError.worded("not_found", consoleWords("no_such", { thing: "payout" }));
  if (op.createdById !== user.id)
    throw AppError.worded("forbidden", consoleWords("maker_only_edits"));
  if (op.state !== "pending_approval")
    throw AppError.worded(
      "state_conflict",
      consoleWords("payout_not_editable", { state: op.state }),
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
  const policy = await getPolicy();
  const amount = BigInt(next.amount);
  const key = beneficiaryKey(next.beneficiary);
  // The reason given when the payout was made still explains the same money to the same account.
  const duplicateReason =
    edit.duplicateReason ??
    (amount === op.amount && key === op.beneficiaryKey ? op.duplicateReason : null) ??
    undefined;
  const fee = estimateFee(amount, { payout: next.method }, policy.settings);
  const monoRequest = payoutRequest(next, op.externalId, op.id);
  const fingerprint = fingerprintOf(monoRequest);
  const { verdict } = await guardMoneyChange(
    {
      userId: user.id,
      sourceAccountId: op.sourceAccountId,
      amount,
      fee,
      rows: [{ beneficiaryKey: key, amount, reasonPath: "/duplicateReason", duplicateReason }],
      operationId: op.id,
    },
    policy,
    async (trx, v) => {
      const moved = await transition(trx, {
        id,
        from: ["pending_approval"],
        to: v.state,
        set: {
          amount,
          feeEstimate: fee,
          method: next.method,
          target: jsonb(next.beneficiary),
          beneficiaryKey: key,
          description: next.description ?? null,
          monoRequest: jsonb(monoRequest),
          fingerprint,
          requiredApprovals: v.tier.requiredApprovals,
          stepUpRequired: v.tier.stepUp,
          policyVersion: v.policy.version,
          duplicateReason: duplicateReason ?? null,
        },
        action: "operation.edited",
        details: {
          reason: edit.reason,
          fingerprintBefore: op.fingerprint,
          fingerprintAfter: fingerprint,
          amountBefore: op.amount,
          amountAfter: amount,
          tier: v.tier.kind,
          duplicateReason: duplicateReason ?? null,
          approvalsVoided: fingerprint !== op.fingerprint,
        },
        ctx,
      });
      if (!moved)
        throw AppError.worded("state_conflict", consoleWords("payout_changed_while_editing"));
      await bindInboundRequest(trx, o.inbound, id);
    },
  );
  faultPoint("after_operation_commit");
  if (verdict.state === "approved") await sendOperation(id, { ctx, policy });
  return db.operation.findUniqueOrThrow({ where: { id } });
}
