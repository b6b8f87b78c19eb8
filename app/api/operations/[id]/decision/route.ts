import { withApi } from "@/lib/api/with-api";
import { presentOperation } from "@/lib/api/resources/operation";
import { ZDecisionInput, ZOperationIdParams } from "@/lib/operations/schemas";
import { decideOperation } from "@/lib/operations/decide-operation";
import { answerResumed } from "@/lib/operations/resume-operation";

export const POST = withApi(
  {
    permission: "payouts.approve",
    params: ZOperationIdParams,
    body: ZDecisionInput,
    idempotent: { resume: answerResumed },
  },
  async ({ params, body, user, audit, inbound }) => {
    const op = await decideOperation(params.id, body, user, audit, { inbound });
    return { operation: presentOperation(op) };
  },
);
