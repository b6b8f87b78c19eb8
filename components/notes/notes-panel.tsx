"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { useNoteWrites, useNotes, type TNote, type TTargetRef } from "./api";

const inputClass = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function NotesPanel({
  target,
  canWrite,
  userId,
}: {
  target: TTargetRef;
  canWrite: boolean;
  userId?: string;
}) {
  const t = useTranslations("notes");
  const f = useFormat();
  const q = useNotes(target);
  const w = useNoteWrites(target);
  const [text, setText] = useState("");
  const [ticket, setTicket] = useState("");
  return (
    <Card data-testid="notes-panel">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-4 px-5 py-4 text-sm">
        {q.error ? <ErrorNote error={q.error} /> : null}
        <div>
          <h3 className="font-medium text-slate-900">{t("tickets")}</h3>
          {q.data?.tickets.length ? (
            <ul className="mt-1 flex flex-wrap gap-2" data-testid="ticket-links">
              {q.data.tickets.map((k) => (
                <li
                  key={k.id}
                  className="rounded bg-slate-100 px-2 py-0.5 font-mono"
                  title={`${k.createdByEmail} · ${f.when(k.createdAt)}`}
                >
                  {k.ticketRef}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">{t("noTickets")}</p>
          )}
          {canWrite ? (
            <form
              className="mt-2 flex gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                w.link.mutate(ticket.trim(), { onSuccess: () => setTicket("") });
              }}
            >
              <input
                className={inputClass}
                value={ticket}
                maxLength={100}
                onChange={(e) => setTicket(e.target.value)}
                placeholder={t("ticketPlaceholder")}
                aria-label={t("ticketPlaceholder")}
              />
              <Button
                type="submit"
                variant="secondary"
                disabled={!ticket.trim() || w.link.isPending}
              >
                {t("link")}
              </Button>
            </form>
          ) : null}
          {w.link.error ? <ErrorNote error={w.link.error} /> : null}
        </div>
        <ol className="space-y-3" data-testid="notes">
          {q.data && q.data.notes.length === 0 ? (
            <li className="text-slate-500">{t("noNotes")}</li>
          ) : null}
          {q.data?.notes.map((n) => (
            <NoteItem
              key={n.id}
              note={n}
              target={target}
              canEdit={canWrite && n.authorId === userId}
            />
          ))}
        </ol>
        {canWrite ? (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              w.add.mutate(text.trim(), { onSuccess: () => setText("") });
            }}
          >
            <textarea
              className={inputClass}
              rows={2}
              maxLength={5000}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t("notePlaceholder")}
              aria-label={t("notePlaceholder")}
            />
            {w.add.error ? <ErrorNote error={w.add.error} /> : null}
            <Button type="submit" disabled={!text.trim() || w.add.isPending}>
              {t("add")}
            </Button>
          </form>
        ) : null}
      </div>
    </Card>
  );
}

function NoteItem({
  note,
  target,
  canEdit,
}: {
  note: TNote;
  target: TTargetRef;
  canEdit: boolean;
}) {
  const t = useTranslations("notes");
  const f = useFormat();
  const w = useNoteWrites(target);
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="text-xs text-slate-500">
        {note.authorEmail} · {f.when(note.createdAt)}
        {note.version > 1 ? ` · ${t("edited", { version: note.version })}` : ""}
      </p>
      {editing === null ? (
        <p className="mt-1 whitespace-pre-wrap text-slate-900">{note.body}</p>
      ) : (
        <form
          className="mt-1 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            w.edit.mutate(
              { id: note.id, body: editing.trim(), version: note.version },
              { onSuccess: () => setEditing(null) },
            );
          }}
        >
          <textarea
            className={inputClass}
            rows={3}
            maxLength={5000}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          {w.edit.error ? <ErrorNote error={w.edit.error} /> : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={!editing.trim() || w.edit.isPending}>
              {t("save")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
      {canEdit && editing === null ? (
        <button
          type="button"
          className="mt-1 text-xs text-brand-700 hover:underline"
          onClick={() => setEditing(note.body)}
        >
          {t("edit")}
        </button>
      ) : null}
      {note.history.length > 1 ? (
        <details className="mt-2 text-xs text-slate-600">
          <summary>{t("history", { count: note.history.length })}</summary>
          <ol className="mt-1 space-y-1">
            {note.history.map((h) => (
              <li key={h.version}>
                v{h.version} · {h.editedByEmail} · {f.when(h.editedAt)}:{" "}
                <span className="whitespace-pre-wrap">{h.body}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}
