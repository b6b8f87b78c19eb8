import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { AppError } from "../api/app-error";
import { generatePassword } from "./generate-password";

// An admin reset issues a new temporary password, unlocks the account and ends its sessions.
export async function resetPassword(id: string, ctx: TAuditContext) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!found) throw new AppError("not_found", "No such user");
    await tx.user.update({
      where: { id },
      data: { passwordHash, failedLogins: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit({ action: "user.password_reset", target: { type: "user", id }, ctx }, tx);
    return { temporaryPassword: password };
  });
}
