import { withApi } from "@/lib/api/with-api";
import { presentAuditPage } from "@/lib/api/resources/audit";
import { listAudit, ZAuditQuery } from "@/lib/audit/list-audit";

export const GET = withApi({ permission: "audit.read", query: ZAuditQuery }, async ({ query }) =>
  presentAuditPage(await listAudit(query)),
);
