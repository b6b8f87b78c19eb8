import { z } from "zod";
import { zTimeIdCursor } from "../api/params";
import { STATUS_CLASSES } from "../metrics/status-classes";
import { RANGES } from "../operations/list-filters";

// The request log list's filters. The URL holds them; the same schema parses them on the server
// and in the browser, so a pasted link shows exactly what its sender saw. Pure module.
export const MONO_ENDPOINTS = [
  "GET /v1/accounts",
  "GET /v1/accounts/{id}/balances",
  "GET /v1/banks",
  "POST /v1/transfers",
  "POST /v1/transfers/prepare",
  "GET /v1/transfers",
  "GET /v1/ledger/accounts",
  "GET /v1/ledger/accounts/{id}/balances",
  "GET /v1/ledger/accounts/{id}/transactions",
  "POST /v1/core/payouts",
  "GET /v1/core/payouts/{id}",
  "POST /v1/core/payouts/co_breb/targets/resolve",
] as const;
export const REQUEST_RANGES = RANGES;
export type TRequestRange = keyof typeof RANGES;

const statusClassList = z.string().transform((s, ctx) => {
  const parts = s.split(",").filter(Boolean);
  for (const p of parts)
    if (!(STATUS_CLASSES as readonly string[]).includes(p))
      ctx.addIssue({ code: "custom", message: `Unknown status class ${p}` });
  return parts as (typeof STATUS_CLASSES)[number][];
});

export const ZRequestFilters = z.strictObject({
  statusClass: statusClassList.optional(),
  endpoint: z.string().max(200).optional(),
  errorCode: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/, "error codes are lower-case words")
    .optional(),
  range: z.enum(Object.keys(RANGES) as [TRequestRange, ...TRequestRange[]]).default("24h"),
  operationId: z
    .string()
    .regex(/^op_[A-Za-z0-9]{22}$/, "an op_ id")
    .optional(),
  // Keyset cursor: "<epoch ms of at>_<row id>" of the last row seen.
  cursor: zTimeIdCursor().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TRequestFilters = z.infer<typeof ZRequestFilters>;
