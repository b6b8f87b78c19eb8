import { z } from "zod";
import { maskPii } from "../../operations/mask";
import { present, ZIso, ZJsonObject } from "./wire";

// The audit log resource: details are stored as written; personal numbers in them are masked on
// the way out (a reveal's audit entry holds the reason, never the numbers).
export const ZAuditRow = z.object({
  seq: z.string(),
  at: ZIso,
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: ZJsonObject,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type TAuditRow = z.infer<typeof ZAuditRow>;
export const ZAuditPage = z.object({
  events: z.array(ZAuditRow),
  nextCursor: z.string().nullable(),
});
export function presentAuditPage(p: { events: { details: unknown }[]; nextCursor: string | null }) {
  return present(ZAuditPage, {
    ...p,
    events: p.events.map((e) => ({ ...e, details: maskPii(e.details) })),
  });
}

// The hash chain's verdict: every row's hash recomputed from the previous one.
export const ZAuditVerdict = z.union([
  z.object({ ok: z.literal(true), rows: z.number().int() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    brokenAtSeq: z.string(),
    reason: z.string(),
  }),
]);
export type TAuditVerdict = z.infer<typeof ZAuditVerdict>;
export function presentAuditVerdict(v: unknown) {
  return present(ZAuditVerdict, v);
}
