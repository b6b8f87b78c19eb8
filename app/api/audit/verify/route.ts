import { withApi } from "@/lib/api/with-api";
import { presentAuditVerdict } from "@/lib/api/resources/audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const GET = withApi({ permission: "audit.read" }, async () =>
  presentAuditVerdict(await verifyAuditChain()),
);
