import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { toJsonSafe } from "@/lib/api/json";
import { ZPayoutInput } from "@/lib/operations/schemas";
import { submitPayout } from "@/lib/operations/submit-payout";

export const POST = withApi(
  { permission: "payouts.create", body: ZPayoutInput, idempotent: true },
  async ({ body, user, audit }) => {
    const operation = await submitPayout(body, user, audit);
    return NextResponse.json(toJsonSafe({ operation: { ...operation, monoRequest: undefined } }), {
      status: 201,
    });
  },
);
