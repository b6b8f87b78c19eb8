import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { presentBeneficiaryReveal } from "../api/resources/operation";

// Shows one operation's beneficiary data in clear, once, for a stated reason (audited).
export async function revealBeneficiary(id: string, reason: string, ctx: TAuditContext) {
  const op = await db.operation.findUnique({
    where: { id },
    select: {
      target: true,
      beneficiaryKey: true,
      items: { select: { position: true, accountNumber: true } },
    },
  });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  await recordAudit({
    action: "pii.revealed",
    target: { type: "operation", id },
    details: { reason },
    ctx,
  });
  return presentBeneficiaryReveal({
    target: op.target,
    items: op.items,
    beneficiaryKey: op.beneficiaryKey,
  });
}
