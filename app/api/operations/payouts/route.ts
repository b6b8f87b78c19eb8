import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { presentOperation } from "@/lib/api/resources/operation";
import { toJsonSafe } from "@/lib/api/json";
import { ZPayoutInput } from "@/lib/operations/schemas";
import { submitPayout } from "@/lib/operations/submit-payout";
import { answerResumed } from "@/lib/operations/resume-operation";

export const POST = withApi(
  {
    permission: "payouts.create",
    body: ZPayoutInput,
    idempotent: { resume: answerResumed, status: 201 },
  },
  async ({ body, user, audit, inbound }) => {
    const operation = await submitPayout(body, user, audit, { inbound });
    return NextResponse.json(toJsonSafe({ operation: presentOperation(operation) }), {
      status: 201,
    });
  },
);
