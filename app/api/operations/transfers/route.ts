import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { toJsonSafe } from "@/lib/api/json";
import { ZTransfersInput } from "@/lib/operations/schemas";
import { submitTransfers } from "@/lib/operations/submit-transfers";

// Up to 1,000 rows per batch: the body limit is raised accordingly.
export const POST = withApi(
  {
    permission: "payouts.create",
    body: ZTransfersInput,
    idempotent: true,
    maxBodyBytes: 2 * 1024 * 1024,
  },
  async ({ body, user, audit }) => {
    const operation = await submitTransfers(body, user, audit);
    return NextResponse.json(toJsonSafe({ operation: { ...operation, monoRequest: undefined } }), {
      status: 201,
    });
  },
);
