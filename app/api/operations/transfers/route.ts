import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { presentOperation } from "@/lib/api/resources/operation";
import { toJsonSafe } from "@/lib/api/json";
import { ZTransfersInput } from "@/lib/operations/schemas";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { answerResumed } from "@/lib/operations/resume-operation";

// Up to 1,000 rows per batch: the body limit is raised accordingly.
export const POST = withApi(
  {
    permission: "payouts.create",
    body: ZTransfersInput,
    idempotent: { resume: answerResumed, status: 201 },
    maxBodyBytes: 2 * 1024 * 1024,
  },
  async ({ body, user, audit, inbound }) => {
    const operation = await submitTransfers(body, user, audit, { inbound });
    return NextResponse.json(toJsonSafe({ operation: presentOperation(operation) }), {
      status: 201,
    });
  },
);
