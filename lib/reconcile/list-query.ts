import { z } from "zod";
import { zStorableDateTime } from "../api/params";

// Reconciliation filters, shared by the API and the page's URL (no "server-only").
export const DRIFT_KINDS = [
  "missing_at_mono",
  "missing_here",
  "state_mismatch",
  "amount_mismatch",
  "balance_drift",
] as const;
export type TDriftKind = (typeof DRIFT_KINDS)[number];

export const ZFindingListQuery = z.object({
  status: z.enum(["open", "resolved", "all"]).default("open"),
  severity: z.enum(["critical", "warning", "info"]).optional(),
  kind: z.enum(DRIFT_KINDS).optional(),
  runId: z
    .string()
    .regex(/^rec_[A-Za-z0-9]{22}$/)
    .optional(),
  before: zStorableDateTime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TFindingListQuery = z.infer<typeof ZFindingListQuery>;
export const ZFindingIdParams = z.object({
  id: z.string().regex(/^drf_[A-Za-z0-9]{22}$/, "A finding id (drf_…)"),
});
export const ZRunListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
