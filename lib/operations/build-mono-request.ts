import { createHash } from "node:crypto";
import type { TMonoCreatePayoutRequest, TMonoCreateTransfersRequest } from "../mono/contract";
import { canonicalJson } from "../canonical-json";
import type { TBeneficiary, TPayoutInput, TTransfersInput } from "./schemas";

// The exact Mono request bodies. They are built once, stored on the operation and re-sent byte for
// byte on every attempt; the fingerprint (sha256 of the canonical body) is what approvals bind to.
export function fingerprintOf(body: unknown): string {
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}

export function payoutRequest(
  input: Pick<
    TPayoutInput,
    "sourceAccountId" | "method" | "amount" | "beneficiary" | "description"
  >,
  externalId: string,
  operationId: string,
): TMonoCreatePayoutRequest {
  const b = input.beneficiary;
  return {
    account_id: input.sourceAccountId,
    method: input.method,
    external_id: externalId,
    target_amount: { amount: input.amount, currency: "COP" },
    description: input.description ?? null,
    reference: operationId,
    target: {
      country: "CO",
      currency: "COP",
      kind: "co_bank_account",
      account_number: b.accountNumber,
      account_type: b.accountType,
      bank_code: b.bankCode,
      payee: {
        kind: "co_person",
        name: b.name,
        document_type: b.documentType,
        document_number: b.documentNumber,
        email: b.email ?? null,
      },
    },
  };
}

export function transfersRequest(
  input: TTransfersInput,
  rowExternalIds: string[],
): TMonoCreateTransfersRequest {
  return {
    account_id: input.sourceAccountId,
    transfers: input.rows.map((r, i) => ({
      amount: { amount: r.amount, currency: "COP" },
      routing: input.routing,
      description: r.description ?? input.description ?? null,
      external_id: rowExternalIds[i],
      payee: payee(r.beneficiary),
    })),
  };
}

function payee(b: TBeneficiary) {
  return {
    name: b.name,
    document_type: b.documentType,
    document_number: b.documentNumber,
    email: b.email ?? null,
    bank_account: { bank_code: b.bankCode, number: b.accountNumber, type: b.accountType },
  };
}

export function rowExternalId(operationExternalId: string, index: number): string {
  return `${operationExternalId}-${index + 1}`;
}

export function beneficiaryKey(b: Pick<TBeneficiary, "bankCode" | "accountNumber">): string {
  return `${b.bankCode}:${b.accountNumber}`;
}
