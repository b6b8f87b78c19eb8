import "server-only";
import { sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TUpdateUserInput } from "./schemas";
import { USER_COLUMNS } from "./user-columns";

// Role changes and disabling end the user's sessions at once (sessionVersion bump). The last
// active admin cannot be demoted or disabled, so the console can never lock itself out. The
// change and its audit entry commit together.
export async function updateUser(id: string, input: TUpdateUserInput, ctx: TAuditContext) {
  return sqlDb.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("User")
      .select(["role", "active", "name"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) throw AppError.worded("not_found", consoleWords("no_such", { thing: "user" }));
    const losesAdmin =
      before.role === "admin" &&
      before.active &&
      ((input.role && input.role !== "admin") || input.active === false);
    if (losesAdmin) {
      const { admins } = await trx
        .selectFrom("User")
        .select((eb) => eb.fn.countAll<bigint>().as("admins"))
        .where("role", "=", "admin")
        .where("active", "=", true)
        .executeTakeFirstOrThrow();
      if (admins <= 1n) throw AppError.worded("state_conflict", consoleWords("last_active_admin"));
    }
    const endsSessions =
      (input.role !== undefined && input.role !== before.role) ||
      (input.active === false && before.active);
    const user = await trx
      .updateTable("User")
      .set((eb) => ({
        ...input,
        ...(endsSessions ? { sessionVersion: eb("sessionVersion", "+", 1) } : {}),
        updatedAt: new Date(),
      }))
      .where("id", "=", id)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["role", "active", "name"] as const) {
      if (input[key] !== undefined && input[key] !== before[key])
        changes[key] = { from: before[key], to: input[key] };
    }
    if (Object.keys(changes).length > 0) {
      const action = changes.role
        ? "user.role_changed"
        : changes.active
          ? input.active
            ? "user.enabled"
            : "user.disabled"
          : "user.updated";
      await recordAudit(
        {
          action,
          target: { type: "user", id },
          details: { changes, sessionsEnded: endsSessions },
          ctx,
        },
        trx,
      );
    }
    return user;
  });
}
