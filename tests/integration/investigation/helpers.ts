import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import {
  fingerprintOf,
  payoutRequest,
  rowExternalId,
  transfersRequest,
} from "@/lib/operations/build-mono-request";
import { submitPayout } from "@/lib/operations/submit-payout";
import type { OperationState } from "@/generated/prisma/client";
import { makeUser } from "@/prisma/factories";
import { BANK_ACCOUNT, payoutInput, sandboxAdmin } from "@/tests/support/operations";
import type { TPayoutInput } from "@/lib/operations/schemas";

const json = { "content-type": "application/json" };

// Per-run sandbox dice that fail exactly the first write after they are set (503) and let the
// second through: seed 7 of the sandbox's mulberry32 rolls 0.012 (< 0.5: fault), 0.062 (which
// status), then 0.977 (≥ 0.5: no fault). Reads are not rolled (apply_to=writes).
export const ONE_RETRY_FAULTS = "5xx=0.5,statuses=503,apply_to=writes,seed=7";

export async function withSandboxFaults<T>(text: string, fn: () => Promise<T>): Promise<T> {
  await sandboxAdmin("/faults", { method: "PUT", headers: json, body: JSON.stringify({ text }) });
  try {
    return await fn();
  } finally {
    await sandboxAdmin("/faults", { method: "PUT", headers: json, body: "{}" });
  }
}

// A real payout through the write path whose POST to Mono needed two attempts (503, then 201).
export async function retriedPayout(over: Partial<TPayoutInput> = {}) {
  const { user } = await makeUser({ role: "operator" });
  const op = await withSandboxFaults(ONE_RETRY_FAULTS, () =>
    submitPayout(
      payoutInput({ ticketRef: `TCK-${Math.floor(Math.random() * 1e9)}`, ...over }),
      user,
      { actorId: user.id, actorEmail: user.email },
    ),
  );
  return { op, user };
}

// An operation row left in a stuck state, as a crash or exhausted retries leave it. Built with
// the same body builder and fingerprint as the write path; nothing is sent.
export async function stuckPayout(o: {
  state: OperationState;
  firstSentAt?: Date | null;
  lockedUntil?: Date | null;
  amount?: number;
}) {
  const { user } = await makeUser({ role: "operator" });
  const input = payoutInput(o.amount ? { amount: o.amount } : {});
  const id = newId("op");
  const externalId = `mops-${id}`;
  const monoRequest = payoutRequest(input, externalId, id);
  const op = await db.operation.create({
    data: {
      id,
      kind: "payout",
      state: o.state,
      amount: BigInt(input.amount),
      feeEstimate: 200_000n,
      sourceAccountId: input.sourceAccountId,
      method: input.method,
      target: input.beneficiary,
      beneficiaryKey: `${input.beneficiary.bankCode}:${input.beneficiary.accountNumber}`,
      reason: input.reason,
      idempotencyKey: randomUUID(),
      externalId,
      fingerprint: fingerprintOf(monoRequest),
      monoRequest: monoRequest as object,
      policyVersion: 1,
      createdById: user.id,
      attemptCount: o.firstSentAt === null ? 0 : 1,
      firstSentAt: o.firstSentAt === undefined ? new Date() : o.firstSentAt,
      lockedUntil: o.lockedUntil ?? null,
      lastErrorCode: "service_is_unavailable",
    },
  });
  return { op, monoRequest };
}

// Mono gets the payout without the console knowing (the console crashed before recording it).
export async function createAtMono(monoRequest: object): Promise<{ id: string }> {
  return sandboxAdmin<{ id: string }>("/external/payouts", {
    method: "POST",
    headers: json,
    body: JSON.stringify(monoRequest),
  });
}

// A one-row bank transfer left in needs_attention; `atMono` also creates its batch at Mono
// (as if the console crashed after Mono accepted it).
export async function stuckTransfer(o: { atMono: boolean }) {
  const { user } = await makeUser({ role: "operator" });
  const id = newId("op");
  const externalId = `mops-${id}`;
  const row = {
    amount: 12_345_00,
    beneficiary: {
      bankCode: "1007",
      accountType: "savings_account" as const,
      accountNumber: String(Date.now()).slice(-11),
      name: "Fila Única",
      documentType: "CC" as const,
      documentNumber: "52999888",
    },
  };
  const monoRequest = transfersRequest(
    {
      sourceAccountId: BANK_ACCOUNT,
      mode: "create",
      routing: "ach",
      currency: "COP",
      rows: [row],
      reason: "stuck transfer",
    },
    [rowExternalId(externalId, 0)],
  );
  const op = await db.operation.create({
    data: {
      id,
      kind: "bank_transfer",
      state: "needs_attention",
      amount: BigInt(row.amount),
      sourceAccountId: BANK_ACCOUNT,
      transferMode: "create",
      target: [row] as object[],
      reason: "stuck transfer",
      idempotencyKey: randomUUID(),
      externalId,
      fingerprint: fingerprintOf(monoRequest),
      monoRequest: monoRequest as object,
      policyVersion: 1,
      createdById: user.id,
      attemptCount: 1,
      firstSentAt: new Date(),
      items: {
        create: [
          {
            id: newId("opi"),
            position: 0,
            externalId: rowExternalId(externalId, 0),
            amount: BigInt(row.amount),
            bankCode: "1007",
            accountNumber: row.beneficiary.accountNumber,
            payeeName: row.beneficiary.name,
          },
        ],
      },
    },
  });
  const batch = o.atMono
    ? await sandboxAdmin<{ batch: { id: string }; transfers: { id: string }[] }>(
        "/external/transfers",
        { method: "POST", headers: json, body: JSON.stringify(monoRequest) },
      )
    : null;
  return { op, batch };
}
