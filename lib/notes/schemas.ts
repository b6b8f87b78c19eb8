import { z } from "zod";

// What a note or a ticket link may be attached to, and the shape of each target's id.
export const NOTE_TARGETS = ["operation", "beneficiary", "request", "webhook", "finding"] as const;
export type TNoteTarget = (typeof NOTE_TARGETS)[number];
const TARGET_ID: Record<TNoteTarget, RegExp> = {
  operation: /^op_[0-9A-Za-z]{22}$/,
  beneficiary: /^ben_[0-9a-f]{32}$/,
  request: /^req_[0-9A-Za-z]{1,60}$/,
  webhook: /^[1-9][0-9]{0,18}$/,
  finding: /^drf_[0-9A-Za-z]{22}$/,
};

const ZTarget = {
  targetType: z.enum(NOTE_TARGETS),
  targetId: z.string().max(100),
};
const targetIdShape = (v: { targetType: TNoteTarget; targetId: string }, ctx: z.RefinementCtx) => {
  if (!TARGET_ID[v.targetType].test(v.targetId))
    ctx.addIssue({ code: "custom", path: ["targetId"], message: `Not a ${v.targetType} id` });
};

export const ZNoteTargetQuery = z.strictObject(ZTarget).superRefine(targetIdShape);
export const ZNewNote = z
  .strictObject({
    ...ZTarget,
    body: z.string().trim().min(1, "Write something").max(5000, "At most 5,000 characters"),
  })
  .superRefine(targetIdShape);
export const ZEditNote = z.strictObject({
  body: z.string().trim().min(1, "Write something").max(5000, "At most 5,000 characters"),
  // The version being edited: an edit based on an older version is refused (someone else edited).
  version: z.number().int().positive(),
});
export const ZNoteParams = z.strictObject({ id: z.string().regex(/^note_[0-9A-Za-z]{22}$/) });
// Ticket references as the payout form takes them.
export const ZNewTicketLink = z
  .strictObject({
    ...ZTarget,
    ticketRef: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w.#/:-]+$/, "Letters, digits and . # / : - only"),
  })
  .superRefine(targetIdShape);
