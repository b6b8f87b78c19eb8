import "server-only";
import { sql } from "kysely";
import { sqlDb, type TSqlDb } from "../db";
import { newId } from "../ids";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import type { TNoteTarget } from "./schemas";

// Notes and ticket links on anything (docs/INVESTIGATION.md "Notes and ticket links"). Every write
// is one Kysely transaction ending with its audit entry; a note's every version is kept.

export type TTarget = { targetType: TNoteTarget; targetId: string };

/** Refuses a target that does not exist (each an equality on its primary or unique key). */
async function assertTarget(t: TTarget, trx: TSqlDb = sqlDb): Promise<void> {
  const found = await (async () => {
    switch (t.targetType) {
      case "operation":
        return trx
          .selectFrom("Operation")
          .select("id")
          .where("id", "=", t.targetId)
          .executeTakeFirst();
      case "beneficiary":
        return trx
          .selectFrom("Beneficiary")
          .select("id")
          .where("id", "=", t.targetId)
          .executeTakeFirst();
      case "request":
        return trx
          .selectFrom("RequestLog")
          .select("requestId as id")
          .where("requestId", "=", t.targetId)
          .limit(1)
          .executeTakeFirst();
      case "webhook":
        return trx
          .selectFrom("WebhookEvent")
          .select(sql<string>`id::text`.as("id"))
          .where("id", "=", BigInt(t.targetId))
          .limit(1)
          .executeTakeFirst();
      case "finding":
        return trx.selectFrom("Drift").select("id").where("id", "=", t.targetId).executeTakeFirst();
    }
  })();
  if (!found) throw AppError.worded("not_found", consoleWords("no_such", { thing: t.targetType }));
}

const NOTE_COLS = [
  "id",
  "targetType",
  "targetId",
  "body",
  "version",
  "authorId",
  "authorEmail",
  "createdAt",
  "updatedAt",
] as const;

export async function addNote(t: TTarget, body: string, user: TCurrentUser, ctx: TAuditContext) {
  await assertTarget(t);
  const id = newId("note");
  const now = new Date();
  await sqlDb.transaction().execute(async (trx) => {
    await trx
      .insertInto("Note")
      .values({
        id,
        ...t,
        body,
        version: 1,
        authorId: user.id,
        authorEmail: user.email,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await trx
      .insertInto("NoteRevision")
      .values({
        noteId: id,
        version: 1,
        body,
        editedById: user.id,
        editedByEmail: user.email,
        editedAt: now,
      })
      .execute();
    await recordAudit(
      {
        action: "note.created",
        target: { type: "note", id },
        details: { ...t, version: 1, chars: body.length },
        ctx,
      },
      trx,
    );
  });
  return getNote(id);
}

// Edits keep the history: the new text becomes the next version. Only the author (or an admin)
// edits a note; an edit based on an older version than the stored one is refused.
export async function editNote(
  id: string,
  input: { body: string; version: number },
  user: TCurrentUser,
  ctx: TAuditContext,
) {
  await sqlDb.transaction().execute(async (trx) => {
    const note = await trx
      .selectFrom("Note")
      .select(NOTE_COLS)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!note) throw AppError.worded("not_found", consoleWords("no_such", { thing: "note" }));
    if (note.authorId !== user.id && user.role !== "admin")
      throw AppError.worded("forbidden", consoleWords("note_author_only"));
    if (note.version !== input.version)
      throw AppError.worded("conflict", consoleWords("note_changed", { version: note.version }));
    if (note.body === input.body) return;
    const version = note.version + 1;
    const now = new Date();
    await trx
      .updateTable("Note")
      .set({ body: input.body, version, updatedAt: now })
      .where("id", "=", id)
      .execute();
    await trx
      .insertInto("NoteRevision")
      .values({
        noteId: id,
        version,
        body: input.body,
        editedById: user.id,
        editedByEmail: user.email,
        editedAt: now,
      })
      .execute();
    await recordAudit(
      {
        action: "note.edited",
        target: { type: "note", id },
        details: {
          targetType: note.targetType,
          targetId: note.targetId,
          version,
          chars: input.body.length,
        },
        ctx,
      },
      trx,
    );
  });
  return getNote(id);
}

export async function getNote(id: string) {
  const note = await sqlDb
    .selectFrom("Note")
    .select(NOTE_COLS)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!note) throw AppError.worded("not_found", consoleWords("no_such", { thing: "note" }));
  const history = await sqlDb
    .selectFrom("NoteRevision")
    .select(["version", "body", "editedByEmail", "editedAt"])
    .where("noteId", "=", id)
    .orderBy("version", "asc")
    .execute();
  return { ...note, history };
}

const LIMIT = 200;

/** The notes (each with its history) and ticket links of one target, oldest note first. */
export async function notesOf(t: TTarget) {
  const [notes, tickets] = await Promise.all([
    sqlDb
      .selectFrom("Note")
      .select(NOTE_COLS)
      .where("targetType", "=", t.targetType)
      .where("targetId", "=", t.targetId)
      .orderBy("createdAt", "asc")
      .limit(LIMIT)
      .execute(),
    ticketsOf(t),
  ]);
  const revisions = notes.length
    ? await sqlDb
        .selectFrom("NoteRevision")
        .select(["noteId", "version", "body", "editedByEmail", "editedAt"])
        .where((eb) => eb("noteId", "=", eb.fn.any(eb.val(notes.map((n) => n.id)))))
        .orderBy("version", "asc")
        .execute()
    : [];
  return {
    ...t,
    notes: notes.map((n) => ({
      ...n,
      history: revisions
        .filter((r) => r.noteId === n.id)
        .map((r) => ({
          version: r.version,
          body: r.body,
          editedByEmail: r.editedByEmail,
          editedAt: r.editedAt,
        })),
    })),
    tickets,
  };
}

export function ticketsOf(t: TTarget) {
  return sqlDb
    .selectFrom("TicketLink")
    .select(["id", "ticketRef", "createdByEmail", "createdAt"])
    .where("targetType", "=", t.targetType)
    .where("targetId", "=", t.targetId)
    .orderBy("createdAt", "asc")
    .limit(LIMIT)
    .execute();
}

export async function linkTicket(
  t: TTarget,
  ticketRef: string,
  user: TCurrentUser,
  ctx: TAuditContext,
) {
  await assertTarget(t);
  const id = newId("tkt");
  await sqlDb.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("TicketLink")
      .values({
        id,
        ...t,
        ticketRef,
        createdById: user.id,
        createdByEmail: user.email,
        createdAt: new Date(),
      })
      .onConflict((oc) => oc.columns(["targetType", "targetId", "ticketRef"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) return; // already linked: nothing changes, nothing to audit
    await recordAudit(
      {
        action: "ticket.linked",
        target: { type: t.targetType, id: t.targetId },
        details: { ticketRef, linkId: id },
        ctx,
      },
      trx,
    );
  });
  return notesOf(t);
}

/** Search: the targets a ticket reference is linked to (index TicketLink.ticketRef). */
export function targetsOfTicket(ticketRef: string) {
  return sqlDb
    .selectFrom("TicketLink")
    .select(["targetType", "targetId", "createdAt"])
    .where("ticketRef", "=", ticketRef)
    .orderBy("createdAt", "desc")
    .limit(20)
    .execute();
}

/** The operation timeline's notes. */
export function notesForTimeline(operationId: string) {
  return notesOf({ targetType: "operation", targetId: operationId });
}
