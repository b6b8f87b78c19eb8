import { withApi } from "@/lib/api/with-api";
import { ZOperationIdParams } from "@/lib/operations/schemas";
import { presentBeneficiaryLinks } from "@/lib/api/resources/beneficiary";
import { beneficiariesOfOperation } from "@/lib/beneficiaries/get-beneficiary";

// The beneficiary pages an operation page links to.
export const GET = withApi(
  { permission: "operations.read", params: ZOperationIdParams },
  async ({ params }) => presentBeneficiaryLinks(await beneficiariesOfOperation(params.id)),
);
