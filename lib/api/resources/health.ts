import { z } from "zod";
import { DETAIL_CODES, FIX_CODES } from "../../readiness/words";
import { present, ZIso } from "./wire";

// Health resources: liveness (GET /api/health: the process answers), readiness for a load
// balancer (GET /api/ready: the database answers; 503 while not ready) and the go-live checks
// (GET /api/readiness, settings.read).

export const ZLiveness = z.object({ status: z.literal("ok") });
export function presentLiveness() {
  return present(ZLiveness, { status: "ok" });
}

export const ZReady = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  ms: z.number().int(),
});
export type TReady = z.infer<typeof ZReady>;
export function presentReady(r: unknown) {
  return present(ZReady, r);
}

// One go-live check: what was checked, the verdict and, for anything but a pass, what to do.
// title, detail and fix are in English; the browser words the id and the codes with their params
// in its language (lib/readiness/words.ts: amounts as { minor, currency }, durations in ms).
export const ZCheckStatus = z.enum(["pass", "warn", "fail", "skip"]);
export type TCheckStatus = z.infer<typeof ZCheckStatus>;
const ZWordParams = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.object({ minor: z.string(), currency: z.string() })]),
);
export const ZCheck = z.object({
  id: z.string(),
  title: z.string(),
  status: ZCheckStatus,
  detail: z.string(),
  detailCode: z.enum(DETAIL_CODES),
  detailParams: ZWordParams.optional(),
  fix: z.string().optional(),
  fixCode: z.enum(FIX_CODES).optional(),
  fixParams: ZWordParams.optional(),
  ms: z.number().optional(),
});
export type TCheck = z.infer<typeof ZCheck>;
export const ZReadinessReport = z.object({
  environment: z.string(),
  at: ZIso,
  ok: z.boolean(),
  checks: z.array(ZCheck),
});
export type TReadinessReport = z.infer<typeof ZReadinessReport>;
export function presentReadinessReport(r: unknown) {
  return present(ZReadinessReport, r);
}
