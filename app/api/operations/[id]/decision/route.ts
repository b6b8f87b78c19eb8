import { withApi } from "@/lib/api/with-api";
import { ZDecisionInput, ZOperationIdParams } from "@/lib/operations/schemas";
import { decideOperation } from "@/lib/operations/decide-operation";

export const POST = withApi(
  {
    permission: "payouts.approve",
    params: ZOperationIdParams,
    body: ZDecisionInput,
    idempotent: true,
  },
  async ({ params, body, user, audit }) => {
    const op = await decideOperation(params.id, body, user, audit);
    return { operation: { ...op, monoRequest: undefined } };
  },
);
