import { withApi } from "@/lib/api/with-api";
import { presentRecoveryOutcome, presentSafeToRetry } from "@/lib/api/resources/investigation";
import { ZOperationIdParams as ZParams } from "@/lib/operations/schemas";
import { safeToRetry } from "@/lib/investigation/safe-to-retry";
import { runRecoveryAction, ZRecoveryAction } from "@/lib/investigation/run-recovery-action";

// GET: the "Safe to retry?" verdict with its facts. POST: one recovery action, re-checked against
// a fresh verdict, state-checked and audited.
export const GET = withApi({ permission: "operations.read", params: ZParams }, async ({ params }) =>
  presentSafeToRetry(await safeToRetry(params.id)),
);

export const POST = withApi(
  { permission: "operations.recover", params: ZParams, body: ZRecoveryAction, idempotent: true },
  async ({ params, body, audit }) =>
    presentRecoveryOutcome(await runRecoveryAction(params.id, body, audit)),
);
