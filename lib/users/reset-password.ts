import "server-only";
import { sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { generatePassword } from "./generate-password";

// An admin reset issues a new temporary password, unlocks the account and ends its sessions
// (sessionVersion bump), in one transaction with its audit entry.
export async function resetPassword(id: string, ctx: TAuditContext) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return sqlDb.transaction().execute(async (trx) => {
    const found = await trx
      .updateTable("User")
      .set((eb) => ({
        passwordHash,
        failedLogins: 0,
        lockedUntil: null,
        sessionVersion: eb("sessionVersion", "+", 1),
        updatedAt: new Date(),
      }))
      .where("id", "=", id)
      .returning("id")
      .executeTakeFirst();
    if (!found) throw AppError.worded("not_found", consoleWords("no_such", { thing: "user" }));
    await recordAudit({ action: "user.password_reset", target: { type: "user", id }, ctx }, trx);
    return { temporaryPassword: password };
  });
}
