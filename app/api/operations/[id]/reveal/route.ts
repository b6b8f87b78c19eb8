import { withApi } from "@/lib/api/with-api";
import { ZRevealInput } from "@/lib/api/resources/reveal";
import { ZOperationIdParams } from "@/lib/operations/schemas";
import { revealBeneficiary } from "@/lib/operations/reveal-beneficiary";

// Document and account numbers are masked everywhere; seeing one in clear needs a reason, audited.
export const POST = withApi(
  { permission: "pii.reveal", params: ZOperationIdParams, body: ZRevealInput },
  async ({ params, body, audit }) => revealBeneficiary(params.id, body.reason, audit),
);
