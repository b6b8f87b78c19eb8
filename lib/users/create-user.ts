import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import { AppError } from "../api/app-error";
import { generatePassword } from "./generate-password";
import type { TCreateUserInput } from "./schemas";

// Creates a user with a temporary password, returned once to the admin and never stored in clear.
export async function createUser(input: TCreateUserInput, ctx: TAuditContext) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("conflict", "A user with this email already exists");
    }
    const user = await tx.user.create({ data: { ...input, passwordHash } });
    await recordAudit(
      {
        action: "user.created",
        target: { type: "user", id: user.id },
        details: { email: user.email, role: user.role },
        ctx,
      },
      tx,
    );
    return { user, temporaryPassword: password };
  });
}
