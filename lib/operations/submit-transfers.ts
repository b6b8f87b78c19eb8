import "server-only";
import type { TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import type { TInbound } from "../api/idempotency";
import { getPolicy } from "../guard/get-policy";
import { estimateFee } from "../guard/estimate-fees";
import { beneficiaryKey, rowExternalId, transfersRequest } from "./build-mono-request";
import { createOperation } from "./create-operation";
import type { TTransfersInput } from "./schemas";

// Banking transfers (POST /v1/transfers, or /prepare to wait for approval in Mono): one row is a
// bank_transfer, several a transfer_batch. The total is recomputed here from the rows; each row
// gets its own external_id derived from the operation's, so Mono deduplicates rows on a resend.
// Every row passes the duplicate detector: against the other rows and against recent payouts and
// transfers to the same account; a flagged row needs its own reason (a single row may use the
// batch's `duplicateReason`).
export async function submitTransfers(
  input: TTransfersInput,
  user: TCurrentUser,
  ctx: TAuditContext,
  o: { inbound?: TInbound | null } = {},
) {
  const policy = await getPolicy();
  const amounts = input.rows.map((r) => BigInt(r.amount));
  const total = amounts.reduce((a, b) => a + b, 0n);
  const fee = amounts.reduce(
    (a, amt) => a + estimateFee(amt, { transfer: input.routing }, policy.settings),
    0n,
  );
  const single = input.rows.length === 1;
  const reasons = input.rows.map(
    (r) => r.duplicateReason ?? (single ? input.duplicateReason : undefined),
  );
  return createOperation(
    {
      kind: single ? "bank_transfer" : "transfer_batch",
      amount: total,
      fee,
      sourceAccountId: input.sourceAccountId,
      transferMode: input.mode,
      method: input.routing,
      target: input.rows,
      beneficiaryKey: single ? beneficiaryKey(input.rows[0].beneficiary) : null,
      guardRows: input.rows.map((r, i) => ({
        beneficiaryKey: beneficiaryKey(r.beneficiary),
        amount: amounts[i],
        reasonPath:
          single && !r.duplicateReason ? "/duplicateReason" : `/rows/${i}/duplicateReason`,
        duplicateReason: reasons[i],
      })),
      description: input.description,
      reason: input.reason,
      ticketRef: input.ticketRef,
      duplicateReason: input.duplicateReason,
      items: (externalId) =>
        input.rows.map((r, i) => ({
          externalId: rowExternalId(externalId, i),
          amount: amounts[i],
          bankCode: r.beneficiary.bankCode,
          accountNumber: r.beneficiary.accountNumber,
          payeeName: r.beneficiary.name,
          duplicateReason: reasons[i] ?? null,
        })),
      buildMonoRequest: ({ externalId }) =>
        transfersRequest(
          input,
          input.rows.map((_, i) => rowExternalId(externalId, i)),
        ) as object,
    },
    user,
    ctx,
    { policy, inbound: o.inbound },
  );
}
