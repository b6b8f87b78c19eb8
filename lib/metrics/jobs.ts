import "server-only";
import type { TJobDef } from "../jobs/types";
import { db } from "../db";
import { foldPendingRollups } from "./fold-rollups";

// Retention for the monitoring tables. Minute rollups serve ranges up to 24 h (kept 35 days for
// drill-downs), hourly rollups the 7- and 30-day charts (kept 400 days for year-on-year),
// balance snapshots the balance charts and spend estimates (7 days needed, 90 kept).
const DAY = 86_400_000;
export const RETENTION_DAYS = { minute: 35, hour: 400, snapshots: 90 } as const;

export async function pruneMonitoringData(now: Date = new Date()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const [minute, hour, snapshots] = await Promise.all([
    db.metricRollup.deleteMany({ where: { bucket: { lt: before(RETENTION_DAYS.minute) } } }),
    db.metricRollupHour.deleteMany({ where: { bucket: { lt: before(RETENTION_DAYS.hour) } } }),
    db.balanceSnapshot.deleteMany({ where: { at: { lt: before(RETENTION_DAYS.snapshots) } } }),
  ]);
  return { minute: minute.count, hour: hour.count, snapshots: snapshots.count };
}

export const metricsJobs: TJobDef[] = [
  // Every 5 s: bounds the pending tail chart queries aggregate on the fly (~5 s of attempts).
  { name: "metrics.fold-rollups", everySeconds: 5, handler: () => foldPendingRollups() },
  { name: "metrics.prune", everySeconds: 6 * 3600, handler: () => pruneMonitoringData() },
];
