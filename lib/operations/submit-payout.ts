import "server-only";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { getPolicy } from "../guard/get-policy";
import { estimateFee } from "../guard/estimate-fees";
import { beneficiaryKey, payoutRequest } from "./build-mono-request";
import { createOperation } from "./create-operation";
import type { TPayoutInput } from "./schemas";

// A Core payout (POST /v1/core/payouts) through the guard. The amount is what the beneficiary
// receives (Mono's target_amount); fees come on top and are part of the balance pre-check.
export async function submitPayout(input: TPayoutInput, user: TCurrentUser, ctx: TAuditContext) {
  const policy = await getPolicy();
  const { settings } = policy;
  const amount = BigInt(input.amount);
  return createOperation(
    {
      kind: "payout",
      amount,
      fee: estimateFee(amount, { payout: input.method }, settings),
      sourceAccountId: input.sourceAccountId,
      method: input.method,
      target: input.beneficiary,
      beneficiaryKey: beneficiaryKey(input.beneficiary),
      description: input.description,
      reason: input.reason,
      ticketRef: input.ticketRef,
      duplicateReason: input.duplicateReason,
      buildMonoRequest: ({ operationId, externalId }) =>
        payoutRequest(input, externalId, operationId) as object,
    },
    user,
    ctx,
    policy,
  );
}
