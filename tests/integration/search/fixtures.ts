import { db } from "@/lib/db";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { makeUser } from "@/prisma/factories";
import { BANK_ACCOUNT, COP } from "@/tests/support/operations";
import { retriedPayout } from "../investigation/helpers";

// One of every id kind, made by the real write path against the sandbox.
export async function everyIdKind() {
  const { op: payout } = await retriedPayout({ amount: 123_456 * COP });
  const { user } = await makeUser({ role: "operator" });
  const acct = () => String(Math.floor(Math.random() * 1e12)).padStart(12, "2");
  const beneficiary = () => ({
    bankCode: "1007",
    accountType: "savings_account" as const,
    accountNumber: acct(),
    name: "Beneficiaria Lote",
    documentType: "CC" as const,
    documentNumber: "52123456",
  });
  const batch = await submitTransfers(
    {
      sourceAccountId: BANK_ACCOUNT,
      mode: "create",
      routing: "ach",
      currency: "COP",
      rows: [
        { amount: 10_000 * COP, beneficiary: beneficiary() },
        { amount: 20_000 * COP, beneficiary: beneficiary() },
      ],
      reason: "Search fixture batch",
    },
    user,
    { actorId: user.id, actorEmail: user.email },
  );
  const items = await db.operationItem.findMany({
    where: { operationId: batch.id },
    orderBy: { position: "asc" },
  });
  const attempts = await db.requestLog.findMany({
    where: { operationId: payout.id },
    orderBy: { at: "asc" },
  });
  const inbound = await db.inboundRequest.create({
    data: {
      userId: user.id,
      key: crypto.randomUUID(),
      route: "POST /api/operations/payouts",
      requestHash: "h",
      state: "done",
      lockedUntil: new Date(),
    },
  });
  return { payout, batch, items, attempts, inboundKey: inbound.key };
}
