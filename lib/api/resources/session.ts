import { z } from "zod";
import { present, ZIso } from "./wire";

// The session resource: step-up (the password re-entered; large approvals are allowed until
// `until`) and sign-out (this session, or every session of the caller).
export const ZStepUp = z.object({ until: ZIso });
export type TStepUp = z.infer<typeof ZStepUp>;
export function presentStepUp(s: { until: Date }) {
  return present(ZStepUp, s);
}

export const ZSignOut = z.object({ ok: z.literal(true), everywhere: z.boolean() });
export type TSignOut = z.infer<typeof ZSignOut>;
export function presentSignOut(everywhere: boolean) {
  return present(ZSignOut, { ok: true, everywhere });
}
