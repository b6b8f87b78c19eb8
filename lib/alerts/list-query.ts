import { z } from "zod";
import { zStorableDateTime } from "../api/params";
import { ALERT_RULES } from "./rules";

// The alerts list's filters: the API parses them, and the page reads the same keys from its URL
// (pure module, no "server-only": the browser imports it).
export const ZAlertListQuery = z.object({
  state: z.enum(["active", "open", "acknowledged", "resolved", "all"]).default("active"),
  severity: z.enum(["critical", "warning", "info"]).optional(),
  rule: z.enum(ALERT_RULES).optional(),
  before: zStorableDateTime().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
