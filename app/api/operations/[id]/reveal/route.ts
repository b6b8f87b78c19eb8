import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { ZOperationIdParams } from "@/lib/operations/schemas";
import { revealBeneficiary } from "@/lib/operations/reveal-beneficiary";

const ZRevealInput = z.strictObject({
  reason: z.string().trim().min(5, "Say why (at least 5 characters)").max(500),
});

// Document and account numbers are masked everywhere; seeing one in clear needs a reason, audited.
export const POST = withApi(
  { permission: "pii.reveal", params: ZOperationIdParams, body: ZRevealInput },
  async ({ params, body, audit }) => revealBeneficiary(params.id, body.reason, audit),
);
