import { withApi } from "@/lib/api/with-api";
import { listAudit, ZAuditQuery } from "@/lib/audit/list-audit";

export const GET = withApi({ permission: "audit.read", query: ZAuditQuery }, async ({ query }) =>
  listAudit(query),
);
