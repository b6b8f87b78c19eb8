import { z } from "zod";
import { ZOperationKind, ZOperationState } from "./operation";
import { ZAlertSeverity, ZAlertState } from "./alert";
import { ZAccountSummary, maskAccountSummary } from "./balance";
import { present, ZIso, ZMoney } from "./wire";

// The overview page in one answer: balances, active alerts, approvals waiting, the latest
// operations (no beneficiary data), the kill switch, the Mono client's health and the last hour's
// error rate.
export const ZOverview = z.object({
  accounts: z.array(ZAccountSummary),
  alerts: z.object({
    bySeverity: z.partialRecord(ZAlertSeverity, z.number().int()),
    latest: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: ZAlertSeverity,
        state: ZAlertState,
        openedAt: ZIso,
        occurrences: z.number().int(),
      }),
    ),
  }),
  approvals: z.object({ pending: z.number().int(), waitingForYou: z.number().int() }),
  recentOperations: z.array(
    z.object({
      id: z.string(),
      kind: ZOperationKind,
      state: ZOperationState,
      amount: ZMoney,
      currency: z.string(),
      sourceAccountId: z.string(),
      createdAt: ZIso,
    }),
  ),
  killSwitch: z.boolean(),
  mono: z
    .object({
      breaker: z.enum(["closed", "open", "half_open"]),
      budget: z.object({ available: z.number(), capacity: z.number() }),
      inFlight: z.number().int(),
      queued: z.number().int(),
    })
    .nullable(), // null: the Mono client is not configured on this instance
  sparkline: z.array(
    z.object({ t: z.number(), errorRate: z.number().nullable(), total: z.number().int() }),
  ),
});
export type TOverview = z.infer<typeof ZOverview>;
export function presentOverview(o: {
  accounts: { lastError: string | null }[];
  [k: string]: unknown;
}) {
  return present(ZOverview, { ...o, accounts: o.accounts.map(maskAccountSummary) });
}
