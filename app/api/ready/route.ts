import { withApi } from "@/lib/api/with-api";
import { presentReady } from "@/lib/api/resources/health";
import { checkReadiness } from "@/lib/health/check-readiness";
import { NextResponse } from "next/server";

// Readiness: the database answers. A load balancer stops routing here while it says 503.
export const GET = withApi({ permission: "public" }, async () => {
  const result = await checkReadiness();
  return NextResponse.json(presentReady(result), { status: result.status === "ready" ? 200 : 503 });
});
