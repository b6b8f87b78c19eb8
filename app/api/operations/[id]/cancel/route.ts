import { withApi } from "@/lib/api/with-api";
import { presentOperation } from "@/lib/api/resources/operation";
import { ZCancelInput, ZOperationIdParams } from "@/lib/operations/schemas";
import { cancelOperation } from "@/lib/operations/cancel-operation";

export const POST = withApi(
  { permission: "payouts.create", params: ZOperationIdParams, body: ZCancelInput },
  async ({ params, body, user, audit }) => {
    const op = await cancelOperation(params.id, body.reason, user, audit);
    return { operation: presentOperation(op) };
  },
);
