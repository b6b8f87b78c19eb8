import { randomUUID, createHash } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { newId } from "@/lib/ids";

// One beneficiary with known numbers, everywhere the console keeps beneficiary data: a payout's
// target, a transfer batch's rows and items, the stored Mono body, a webhook event (raw body and
// data), request-log rows (bodies written raw, as if a path skipped the redactor), an audit entry's
// details and a reconciliation finding's evidence.
export const ACCOUNT = "4865519897622";
export const ACCOUNT_2 = "7390218845561";
export const DOCUMENT = "1098765432123";
export const EMAIL = "beneficiaria.privada@example.test";
export const SECRETS = [ACCOUNT, ACCOUNT_2, DOCUMENT, EMAIL];

const beneficiary = (accountNumber: string) => ({
  bankCode: "1007",
  accountType: "savings_account",
  accountNumber,
  name: "Beneficiaria Privada",
  documentType: "CC",
  documentNumber: DOCUMENT,
  email: EMAIL,
});
const monoBeneficiary = (account_number: string) => ({
  bank_code: "1007",
  account_number,
  document_type: "CC",
  document_number: DOCUMENT,
  email: EMAIL,
});

export async function seedBeneficiary(createdById: string) {
  const stamp = randomUUID().slice(0, 8);
  const common = (kind: "payout" | "transfer_batch") => ({
    id: newId("op"),
    kind,
    state: "pending_approval" as const,
    amount: 250_000_00n,
    currency: "COP",
    reason: `privacy walk ${stamp}`,
    idempotencyKey: randomUUID(),
    fingerprint: createHash("sha256").update(randomUUID()).digest("hex"),
    policyVersion: 1,
    requiredApprovals: 1,
    createdById,
  });
  const payout = await db.operation.create({
    data: {
      ...common("payout"),
      externalId: `mops-${stamp}-p`,
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      method: "co_ach",
      target: beneficiary(ACCOUNT),
      beneficiaryKey: `1007:${ACCOUNT}`,
      monoRequest: { target: monoBeneficiary(ACCOUNT), amount: 250_000_00 },
      lastErrorMessage: `Mono refused account ${ACCOUNT}`,
    },
  });
  const batchCommon = common("transfer_batch");
  const batch = await db.operation.create({
    data: {
      ...batchCommon,
      externalId: `mops-${stamp}-b`,
      sourceAccountId: "acc_5tgliBmzjZ6mpQPRbQjfKj",
      transferMode: "create",
      rowCount: 2,
      target: [
        { amount: 100_00, beneficiary: beneficiary(ACCOUNT) },
        { amount: 200_00, beneficiary: beneficiary(ACCOUNT_2) },
      ],
      monoRequest: { transfers: [monoBeneficiary(ACCOUNT), monoBeneficiary(ACCOUNT_2)] },
      items: {
        create: [ACCOUNT, ACCOUNT_2].map((acct, i) => ({
          id: newId("opi"),
          position: i,
          externalId: `mops-${stamp}-b-${i}`,
          amount: 100_00n,
          bankCode: "1007",
          accountNumber: acct,
          payeeName: "Beneficiaria Privada",
        })),
      },
    },
  });
  const body = {
    event: "payout.updated",
    timestamp: new Date().toISOString(),
    data: { id: `cpout_${stamp}`, state: "failed", target: monoBeneficiary(ACCOUNT) },
  };
  const webhook = await db.webhookEvent.create({
    data: {
      dedupeKey: `privacy-${stamp}`,
      type: "payout.updated",
      objectId: `cpout_${stamp}`,
      signatureResult: "valid",
      rawBody: JSON.stringify(body),
      data: body.data,
      operationId: payout.id,
      processingError: `could not apply to ${ACCOUNT}`,
      processingDetails: { target: monoBeneficiary(ACCOUNT) },
    },
  });
  const requestId = `req_${stamp}privacywalk0000000000000`;
  await db.requestLog.create({
    data: {
      requestId,
      operationId: payout.id,
      idempotencyKey: payout.idempotencyKey,
      traceId: "a".repeat(32),
      method: "POST",
      path: "/v1/core/payouts",
      endpoint: "POST /v1/core/payouts",
      status: 422,
      statusClass: "4xx",
      errorCode: "invalid_account",
      attempt: 1,
      callId: `call_${stamp}`,
      durationMs: 12,
      apiKeyLabel: "interactive",
      requestBody: { target: monoBeneficiary(ACCOUNT) },
      responseBody: { errors: [{ detail: { account_number: ACCOUNT } }] },
      requestHeaders: { accept: "application/json" },
      at: new Date(),
    },
  });
  await recordAudit({
    action: "operation.edited",
    target: { type: "operation", id: payout.id },
    details: { before: { accountNumber: ACCOUNT, documentNumber: DOCUMENT }, reason: "walk" },
    ctx: { actorEmail: "system:test" },
  });
  const run = await db.reconciliationRun.create({
    data: {
      id: newId("rec"),
      trigger: "manual",
      windowStart: new Date(Date.now() - 3_600_000),
      windowEnd: new Date(),
      state: "done",
    },
  });
  await db.drift.create({
    data: {
      id: newId("drf"),
      runId: run.id,
      kind: "state_mismatch",
      severity: "warning",
      operationId: payout.id,
      evidence: { mono: { target: monoBeneficiary(ACCOUNT) } },
    },
  });
  // A Bre-B key resolved to the same account (the beneficiary page lists it), and the beneficiary
  // row the operations filled (its page is walked too).
  await db.brebResolution.create({
    data: {
      id: newId("brb"),
      keyValue: EMAIL,
      keyType: "email",
      holderName: "Beneficiaria Privada",
      documentType: "CC",
      documentNumber: DOCUMENT,
      accountNumber: ACCOUNT,
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
    },
  });
  const filled = await db.beneficiary.findUniqueOrThrow({
    where: { bankCode_accountNumber: { bankCode: "1007", accountNumber: ACCOUNT } },
  });
  return { payout, batch, webhook, requestId, beneficiaryId: filled.id };
}
