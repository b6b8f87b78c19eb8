import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentFinding } from "@/lib/api/resources/reconciliation";
import { ZFindingIdParams } from "@/lib/reconcile/list-query";
import { resolveFinding } from "@/lib/reconcile/resolve-finding";

const ZResolveBody = z
  .object({ reason: z.string().trim().min(5, "Say what was found and what was done").max(1000) })
  .strict();

export const POST = withApi(
  { permission: "reconciliation.run", params: ZFindingIdParams, body: ZResolveBody },
  async ({ params, body, user, audit }) => ({
    finding: presentFinding({
      ...(await resolveFinding(params.id, body.reason, user, audit)),
      resolvedBy: user.email,
    }),
  }),
);
