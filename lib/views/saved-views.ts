import "server-only";
import { z } from "zod";
import { sqlDb } from "../db";
import { newId } from "../ids";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";

// Saved views: a list page's filters under a name, private to their owner or shared. Only the
// owner (or an admin) deletes one. Creating and deleting are audited.
export const VIEW_LISTS = ["payouts", "transfers", "requests", "webhooks", "audit"] as const;
export const ZViewList = z.strictObject({ list: z.enum(VIEW_LISTS) });
export const ZNewView = z.strictObject({
  list: z.enum(VIEW_LISTS),
  name: z.string().trim().min(1).max(80),
  // The list's URL query string as the page keeps it (filters only; no leading "?").
  query: z
    .string()
    .max(2000)
    .regex(/^[^?#\s]*$/, "A query string without ? or #"),
  shared: z.boolean().default(false),
});
export const ZViewParams = z.strictObject({ id: z.string().regex(/^view_[0-9A-Za-z]{22}$/) });

const COLS = ["id", "ownerId", "list", "name", "query", "shared", "createdAt"] as const;

/** My views of a list and everyone's shared ones, by name. */
export async function listViews(list: string, user: TCurrentUser) {
  const rows = await sqlDb
    .selectFrom("SavedView as v")
    .leftJoin("User as u", "u.id", "v.ownerId")
    .select([
      "v.id",
      "v.ownerId",
      "v.list",
      "v.name",
      "v.query",
      "v.shared",
      "v.createdAt",
      "u.email as ownerEmail",
    ])
    .where("v.list", "=", list)
    .where((eb) => eb.or([eb("v.ownerId", "=", user.id), eb("v.shared", "=", true)]))
    .orderBy("v.name")
    .limit(200)
    .execute();
  return {
    views: rows.map((r) => ({ ...r, mine: r.ownerId === user.id, ownerEmail: r.ownerEmail ?? "" })),
  };
}

export async function saveView(
  input: z.infer<typeof ZNewView>,
  user: TCurrentUser,
  ctx: TAuditContext,
) {
  const id = newId("view");
  await sqlDb.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("SavedView")
      .values({ id, ownerId: user.id, ...input, createdAt: new Date() })
      .onConflict((oc) => oc.columns(["ownerId", "list", "name"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted)
      throw AppError.worded("conflict", consoleWords("view_name_taken", { name: input.name }));
    await recordAudit(
      {
        action: "view.saved",
        target: { type: "view", id },
        details: { list: input.list, name: input.name, shared: input.shared },
        ctx,
      },
      trx,
    );
  });
  return listViews(input.list, user);
}

export async function deleteView(id: string, user: TCurrentUser, ctx: TAuditContext) {
  const view = await sqlDb
    .selectFrom("SavedView")
    .select(COLS)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!view || (!view.shared && view.ownerId !== user.id))
    throw AppError.worded("not_found", consoleWords("no_such", { thing: "view" }));
  if (view.ownerId !== user.id && user.role !== "admin")
    throw AppError.worded("forbidden", consoleWords("view_owner_only"));
  await sqlDb.transaction().execute(async (trx) => {
    await trx.deleteFrom("SavedView").where("id", "=", id).execute();
    await recordAudit(
      {
        action: "view.deleted",
        target: { type: "view", id },
        details: { list: view.list, name: view.name },
        ctx,
      },
      trx,
    );
  });
  return listViews(view.list, user);
}
