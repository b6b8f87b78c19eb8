import { z } from "zod";
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
export const ZCheckStatus = z.enum(["pass", "warn", "fail", "skip"]);
export type TCheckStatus = z.infer<typeof ZCheckStatus>;
export const ZCheck = z.object({
  id: z.string(),
  title: z.string(),
  status: ZCheckStatus,
  detail: z.string(),
  fix: z.string().optional(),
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
