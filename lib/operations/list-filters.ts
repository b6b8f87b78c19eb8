import { z } from "zod";

// The operations list's filters: the URL holds them, and the same schema parses them on the
// server and in the browser, so a pasted link shows exactly what its sender saw.
export const OPERATION_STATES = [
  "draft",
  "pending_approval",
  "approved",
  "sending",
  "accepted",
  "settled",
  "failed",
  "rejected",
  "cancelled",
  "expired",
  "needs_attention",
] as const;
export const OPERATION_KINDS = ["payout", "bank_transfer", "transfer_batch"] as const;
export const RANGES = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
} as const;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s, ctx) => {
    const parts = s.split(",").filter(Boolean);
    for (const p of parts)
      if (!(values as readonly string[]).includes(p))
        ctx.addIssue({ code: "custom", message: `Unknown value ${p}` });
    return parts as T[number][];
  });

export const ZOperationFilters = z.strictObject({
  state: csv(OPERATION_STATES).optional(),
  kind: csv(OPERATION_KINDS).optional(),
  range: z
    .enum(Object.keys(RANGES) as [keyof typeof RANGES, ...(keyof typeof RANGES)[]])
    .optional(),
  minAmount: z.coerce.number().int().nonnegative().optional(), // minor units
  maxAmount: z.coerce.number().int().nonnegative().optional(),
  createdBy: z
    .string()
    .regex(/^usr_[a-f0-9]{32}$/)
    .optional(),
  awaitingMe: z.enum(["1"]).optional(), // approvals queue: pending, not mine, not decided by me
  cursor: z
    .string()
    .regex(/^op_[A-Za-z0-9]{22}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TOperationFilters = z.infer<typeof ZOperationFilters>;
