import "server-only";
import { sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { generatePassword } from "./generate-password";
import type { TCreateUserInput } from "./schemas";
import { USER_COLUMNS } from "./user-columns";

// Creates a user with a temporary password, returned once to the admin and never stored in clear.
// The row and its audit entry commit together. Two admins creating the same email at once: the
// unique index refuses the second, which maps to the same conflict.
export async function createUser(input: TCreateUserInput, ctx: TAuditContext) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return sqlDb.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("User")
      .select("id")
      .where("email", "=", input.email)
      .executeTakeFirst();
    if (taken) throw AppError.worded("conflict", consoleWords("user_email_taken"));
    const user = await trx
      .insertInto("User")
      .values({ ...input, passwordHash, updatedAt: new Date() })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(
      {
        action: "user.created",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: user.role },
        ctx,
      },
      trx,
    );
    return { user, temporaryPassword: password };
  });
}
