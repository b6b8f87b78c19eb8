import { withApi } from "@/lib/api/with-api";
import { presentOperation } from "@/lib/api/resources/operation";
import { toJsonSafe } from "@/lib/api/json";
import { ZEditPayoutInput, ZOperationIdParams } from "@/lib/operations/schemas";
import { getOperation } from "@/lib/operations/get-operation";
import { editPayout } from "@/lib/operations/edit-payout";
import { answerResumed } from "@/lib/operations/resume-operation";

export const GET = withApi(
  { permission: "operations.read", params: ZOperationIdParams },
  async ({ params, user }) => getOperation(params.id, user),
);

export const PATCH = withApi(
  {
    permission: "payouts.create",
    params: ZOperationIdParams,
    body: ZEditPayoutInput,
    idempotent: { resume: answerResumed },
  },
  async ({ params, body, user, audit, inbound }) => {
    const op = await editPayout(params.id, body, user, audit, { inbound });
    return toJsonSafe({ operation: presentOperation(op) });
  },
);
