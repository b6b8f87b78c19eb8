import { withApi } from "@/lib/api/with-api";
import { presentNote, presentNotes } from "@/lib/api/resources/note";
import { addNote, notesOf } from "@/lib/notes/notes";
import { ZNewNote, ZNoteTargetQuery } from "@/lib/notes/schemas";

// The notes and ticket links of one target (?targetType=&targetId=).
export const GET = withApi(
  { permission: "notes.read", query: ZNoteTargetQuery },
  async ({ query }) => presentNotes(await notesOf(query)),
);

// A new note (audited).
export const POST = withApi(
  { permission: "notes.write", body: ZNewNote },
  async ({ body, user, audit }) => {
    const { body: text, ...target } = body;
    return presentNote(await addNote(target, text, user, audit));
  },
);
