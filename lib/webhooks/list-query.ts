import { z } from "zod";
import { zBigintId, zStorableDateTime } from "../api/params";

// The webhook log's filters: the URL holds them, and this one schema parses them on the server
// and in the browser (no "server-only": components import it), so a link reproduces the view.
export const PROCESSING_FILTERS = [
  "pending",
  "applied",
  "ignored_stale",
  "correction",
  "external",
  "error",
] as const;
export const SIGNATURE_RESULTS = ["valid", "valid_previous_secret"] as const;

export const ZWebhookListQuery = z.object({
  type: z
    .string()
    .regex(/^[a-z0-9_.]{1,100}$/)
    .optional(),
  signature: z.enum(SIGNATURE_RESULTS).optional(),
  result: z.enum(PROCESSING_FILTERS).optional(),
  from: zStorableDateTime().optional(),
  to: zStorableDateTime().optional(),
  operationId: z
    .string()
    .regex(/^op_[A-Za-z0-9]{22}$/)
    .optional(),
  before: zBigintId("A webhook event id").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TWebhookListQuery = z.infer<typeof ZWebhookListQuery>;
export const ZWebhookIdParams = z.object({
  id: zBigintId("A webhook event id"),
});
