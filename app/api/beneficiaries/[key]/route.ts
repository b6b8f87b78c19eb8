import { withApi } from "@/lib/api/with-api";
import { presentBeneficiaryView } from "@/lib/api/resources/beneficiary";
import { getBeneficiary } from "@/lib/beneficiaries/get-beneficiary";
import { ZBeneficiaryParams } from "@/lib/beneficiaries/schemas";

// One beneficiary's page: masked identity, every payment to them, Bre-B resolutions, webhooks,
// findings and totals.
export const GET = withApi(
  { permission: "operations.read", params: ZBeneficiaryParams },
  async ({ params }) => presentBeneficiaryView(await getBeneficiary(params.key)),
);
