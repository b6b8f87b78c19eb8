import { withApi } from "@/lib/api/with-api";
import { presentAlertCheck } from "@/lib/api/resources/alert";
import { evaluateHealthAlerts, pollAndEvaluateBalances } from "@/lib/alerts/jobs";
import { recordAudit } from "@/lib/audit/record-audit";

// "Check now": the same work as the periodic jobs, on demand (after a top-up, during an incident).
// A balance poll that cannot reach Mono is reported, not thrown: the health rules still run.
export const POST = withApi({ permission: "alerts.manage" }, async ({ audit, log }) => {
  const balances = await pollAndEvaluateBalances().catch((err: unknown) => {
    log.warn({ err }, "on-demand balance poll failed");
    return { error: err instanceof Error ? err.message : "balance poll failed" };
  });
  const health = await evaluateHealthAlerts();
  await recordAudit({ action: "alerts.evaluated", details: { manual: true }, ctx: audit });
  return presentAlertCheck({ balances, health });
});
