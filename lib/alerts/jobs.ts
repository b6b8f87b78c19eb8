import "server-only";
import type { TJobDef } from "../jobs/types";
import { env } from "../env";
import { pollBalances } from "../balances/poll-balances";
import { BALANCE_FAMILY, HEALTH_FAMILIES, runFamilies } from "./evaluate-alerts";
import { notifyPending } from "./notify";
import { noteKeyRotation } from "./note-key-rotation";

// Periodic work of the monitoring capability. Handlers are idempotent and callable directly.

/** Poll every balance, then evaluate the floors on the fresh snapshots. */
export async function pollAndEvaluateBalances(now?: Date) {
  const poll = await pollBalances({ now });
  const evaluation = await runFamilies([BALANCE_FAMILY], now);
  await notifyPending();
  return { poll, evaluation };
}

export async function evaluateHealthAlerts(now?: Date) {
  await noteKeyRotation().catch(() => "unknown");
  const evaluation = await runFamilies(HEALTH_FAMILIES, now);
  await notifyPending();
  return evaluation;
}

export const alertJobs: TJobDef[] = [
  {
    name: "balances.poll",
    everySeconds: env.BALANCE_POLL_SECONDS,
    handler: () => pollAndEvaluateBalances(),
  },
  { name: "alerts.evaluate", everySeconds: 60, handler: () => evaluateHealthAlerts() },
];
