import { z } from "zod";
import { zBigintId } from "../api/params";

// The audit log's filters: the API parses them, and the page reads the same keys from its URL
// (pure module, no "server-only": the browser imports it).
export const ZAuditQuery = z.strictObject({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(), // email
  targetId: z.string().max(100).optional(),
  before: zBigintId("An audit sequence number").optional(), // cursor: seq of the last row seen
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
