import { withApi } from "@/lib/api/with-api";
import { ZRevealInput } from "@/lib/api/resources/reveal";
import { presentBeneficiaryClear } from "@/lib/api/resources/beneficiary";
import { revealBeneficiaryRecord } from "@/lib/beneficiaries/reveal-beneficiary";
import { ZBeneficiaryParams } from "@/lib/beneficiaries/schemas";

// The beneficiary's numbers in clear: a reason, audited.
export const POST = withApi(
  { permission: "pii.reveal", params: ZBeneficiaryParams, body: ZRevealInput },
  async ({ params, body, audit }) =>
    presentBeneficiaryClear(await revealBeneficiaryRecord(params.key, body.reason, audit)),
);
