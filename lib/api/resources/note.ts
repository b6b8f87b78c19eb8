import { z } from "zod";
import { maskText } from "../../operations/mask";
import { NOTE_TARGETS } from "../../notes/schemas";
import { present, ZIso } from "./wire";

// Notes and ticket links of one target. A note is free text: like every free text the console
// shows, runs of six or more digits and e-mail addresses in it are masked on the way out
// (docs/SECURITY.md); the stored text is kept as written.

const ZRevision = z.object({
  version: z.number().int(),
  body: z.string(),
  editedByEmail: z.string(),
  editedAt: ZIso,
});
export const ZNote = z.object({
  id: z.string(),
  targetType: z.enum(NOTE_TARGETS),
  targetId: z.string(),
  body: z.string(),
  version: z.number().int(),
  authorId: z.string(),
  authorEmail: z.string(),
  createdAt: ZIso,
  updatedAt: ZIso,
  history: z.array(ZRevision),
});
export type TNote = z.infer<typeof ZNote>;
export const ZTicketLink = z.object({
  id: z.string(),
  ticketRef: z.string(),
  createdByEmail: z.string(),
  createdAt: ZIso,
});
export const ZNotes = z.object({
  targetType: z.enum(NOTE_TARGETS),
  targetId: z.string(),
  notes: z.array(ZNote),
  tickets: z.array(ZTicketLink),
});
export type TNotes = z.infer<typeof ZNotes>;

type TNoteIn = {
  body: string;
  history: { body: string; [k: string]: unknown }[];
  [k: string]: unknown;
};
const maskNote = (n: TNoteIn) => ({
  ...n,
  body: maskText(n.body),
  history: n.history.map((h) => ({ ...h, body: maskText(h.body) })),
});

export function presentNote(n: TNoteIn): TNote {
  return present(ZNote, maskNote(n));
}
export function presentNotes(v: { notes: TNoteIn[]; [k: string]: unknown }): TNotes {
  return present(ZNotes, { ...v, notes: v.notes.map(maskNote) });
}
