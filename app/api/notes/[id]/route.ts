import { withApi } from "@/lib/api/with-api";
import { presentNote } from "@/lib/api/resources/note";
import { editNote } from "@/lib/notes/notes";
import { ZEditNote, ZNoteParams } from "@/lib/notes/schemas";

// Edits a note: the new text becomes its next version; every version is kept (audited).
export const PATCH = withApi(
  { permission: "notes.write", params: ZNoteParams, body: ZEditNote },
  async ({ params, body, user, audit }) =>
    presentNote(await editNote(params.id, body, user, audit)),
);
