import "server-only";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { beneficiaryLookups } from "./lookups";

// Shows one beneficiary's numbers in clear, once, for a stated reason (audited, as the operation
// page's reveal).
export async function revealBeneficiaryRecord(id: string, reason: string, ctx: TAuditContext) {
  const b = await beneficiaryLookups.byId(id);
  if (!b) throw AppError.worded("not_found", consoleWords("no_such", { thing: "beneficiary" }));
  await recordAudit({
    action: "pii.revealed",
    target: { type: "beneficiary", id },
    details: { reason },
    ctx,
  });
  return b;
}
