import "server-only";
import { db } from "@/lib/db";
import { submitPayout } from "@/lib/operations/submit-payout";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import type { TCurrentUser } from "@/lib/auth/current-user";

const COP = 100;
const LEDGER = "lacc_4PagosProveedores9aBcD";
const BANK = "acc_5tgliBmzjZ6mpQPRbQjfKj";

// A few real operations through the real write path (guard, Phase A, send to the embedded
// sandbox), so a fresh console has something to look at: one sent at once, one waiting for one
// approver, one waiting for two, and a small transfer batch. Only on an empty database.
export async function seedDemoOperations(operator: TCurrentUser): Promise<number> {
  if ((await db.operation.count()) > 0) return 0;
  const ctx = { actorId: operator.id, actorEmail: operator.email };
  const payee = (name: string, account: string, doc: string, bankCode = "1007") => ({
    bankCode,
    accountType: "savings_account" as const,
    accountNumber: account,
    name,
    documentType: "CC" as const,
    documentNumber: doc,
  });
  await submitPayout(
    {
      sourceAccountId: LEDGER,
      method: "co_ach",
      amount: 850_000 * COP,
      currency: "COP",
      beneficiary: payee("Papelería El Cóndor SAS", "40512345678", "900123456"),
      reason: "Invoice FV-2291 (office supplies)",
      ticketRef: "OPS-1042",
    },
    operator,
    ctx,
  );
  await submitPayout(
    {
      sourceAccountId: LEDGER,
      method: "co_mono_turbo",
      amount: 5_000_000 * COP,
      currency: "COP",
      beneficiary: payee("Transportes Andinos Ltda", "20098765432", "800987654", "1051"),
      reason: "October freight settlement",
      ticketRef: "OPS-1043",
    },
    operator,
    ctx,
  );
  await submitPayout(
    {
      sourceAccountId: LEDGER,
      method: "co_ach",
      amount: 32_500_000 * COP,
      currency: "COP",
      beneficiary: payee("Constructora Caribe SA", "30011122233", "890112233", "1013"),
      reason: "Milestone 3 of the Barranquilla fit-out contract",
      ticketRef: "TRS-88",
    },
    operator,
    ctx,
  );
  await submitTransfers(
    {
      sourceAccountId: BANK,
      mode: "create",
      routing: "ach",
      currency: "COP",
      reason: "Weekly refunds batch",
      ticketRef: "SUP-7781",
      rows: [
        {
          amount: 120_000 * COP,
          beneficiary: payee("María Fernanda Rojas", "11122233344", "1020304050"),
        },
        {
          amount: 89_900 * COP,
          beneficiary: payee("Juan Camilo Pérez", "55566677788", "1098765432", "1507"),
        },
        {
          amount: 45_000 * COP,
          beneficiary: payee("Luisa Gómez", "99988877766", "52123456", "1051"),
        },
      ],
    },
    operator,
    ctx,
  );
  return 4;
}
