import { withApi } from "@/lib/api/with-api";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

export const GET = withApi({ permission: "audit.read" }, async () => verifyAuditChain());
