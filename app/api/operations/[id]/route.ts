import { withApi } from "@/lib/api/with-api";
import { toJsonSafe } from "@/lib/api/json";
import { ZEditPayoutInput, ZOperationIdParams } from "@/lib/operations/schemas";
import { getOperation } from "@/lib/operations/get-operation";
import { editPayout } from "@/lib/operations/edit-payout";

export const GET = withApi(
  { permission: "operations.read", params: ZOperationIdParams },
  async ({ params, user }) => getOperation(params.id, user),
);

export const PATCH = withApi(
  {
    permission: "payouts.create",
    params: ZOperationIdParams,
    body: ZEditPayoutInput,
    idempotent: true,
  },
  async ({ params, body, user, audit }) => {
    const op = await editPayout(params.id, body, user, audit);
    return toJsonSafe({ operation: { ...op, monoRequest: undefined } });
  },
);
