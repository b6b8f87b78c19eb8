import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { AppError } from "../api/app-error";
import type { TUpdateUserInput } from "./schemas";

// Role changes and disabling end the user's sessions at once (sessionVersion bump). The last
// active admin cannot be demoted or disabled, so the console can never lock itself out.
export async function updateUser(id: string, input: TUpdateUserInput, ctx: TAuditContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "No such user");
    const losesAdmin =
      before.role === "admin" &&
      before.active &&
      ((input.role && input.role !== "admin") || input.active === false);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", active: true } });
      if (admins <= 1)
        throw new AppError(
          "state_conflict",
          "This is the last active admin; promote another admin first",
        );
    }
    const endsSessions =
      (input.role !== undefined && input.role !== before.role) ||
      (input.active === false && before.active);
    const user = await tx.user.update({
      where: { id },
      data: { ...input, ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}) },
    });
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
        tx,
      );
    }
    return user;
  });
}
