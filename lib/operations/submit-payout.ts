import "server-only";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import type { TInbound } from "../api/idempotency";
import { getPolicy } from "../guard/get-policy";
import { estimateFee } from "../guard/estimate-fees";
import { beneficiaryKey, payoutRequest } from "./build-mono-request";
import { createOperation } from "./create-operation";
import type { TPayoutInput } from "./schemas";

// A Core payout (POST /v1/core/payouts) through the guard. The amount is what the beneficiary
// receives (Mono's target_amount); fees come on top and are part of the balance pre-check.
export async function submitPayout(
  input: TPayoutInput,
  user: TCurrentUser,
  ctx: TAuditContext,
  o: { inbound?: TInbound | null } = {},
) {
  const policy = await getPolicy();
  const amount = BigInt(input.amount);
  const key = beneficiaryKey(input.beneficiary);
  return createOperation(
    {
      kind: "payout",
      amount,
      fee: estimateFee(amount, { payout: input.method }, policy.settings),
      sourceAccountId: input.sourceAccountId,
      method: input.method,
      target: input.beneficiary,
      beneficiaryKey: key,
      guardRows: [
        {
          beneficiaryKey: key,
          amount,
          reasonPath: "/duplicateReason",
          duplicateReason: input.duplicateReason,
        },
      ],
      description: input.description,
      reason: input.reason,
      ticketRef: input.ticketRef,
      duplicateReason: input.duplicateReason,
      buildMonoRequest: ({ operationId, externalId }) =>
        payoutRequest(input, externalId, operationId) as object,
    },
    user,
    ctx,
    { policy, inbound: o.inbound },
  );
}
