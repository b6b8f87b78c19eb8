import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentRunList, presentRunResult } from "@/lib/api/resources/reconciliation";
import { listRuns } from "@/lib/reconcile/list-findings";
import { ZRunListQuery } from "@/lib/reconcile/list-query";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";

export const GET = withApi(
  { permission: "reconciliation.read", query: ZRunListQuery },
  async ({ query }) => presentRunList(await listRuns(query)),
);

// "Run now": runs to the end within the request (a run is a few Mono reads per operation and
// account in the window) and answers with the finished run.
const ZRunBody = z
  .object({
    windowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 31)
      .optional(),
  })
  .strict();

export const POST = withApi(
  { permission: "reconciliation.run", body: ZRunBody },
  async ({ body, user, audit }) =>
    presentRunResult(
      await runReconciliation({
        trigger: "manual",
        windowHours: body.windowHours,
        startedBy: user,
        ctx: audit,
      }),
    ),
);
