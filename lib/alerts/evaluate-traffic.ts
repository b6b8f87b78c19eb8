import "server-only";
import { sql, type SqlBool } from "kysely";
import { sqlDb } from "../db";
import { env } from "../env";
import { rollupRows } from "../metrics/rollup-query";
import { ALL_ENDPOINTS } from "../metrics/status-classes";
import type { TAlertSignal } from "./rules";

// Error rate and 429 storms over the last 5 minutes, from the minute rollups (never raw logs).
const WINDOW_MS = 5 * 60_000;

export type TTrafficWindow = { total: number; errors: number; tooMany: number };
export type TTrafficThresholds = { errorRate: number; minRequests: number; storm429: number };

export function trafficSignals(t: TTrafficWindow, th: TTrafficThresholds): TAlertSignal[] {
  const out: TAlertSignal[] = [];
  const rate = t.total > 0 ? t.errors / t.total : 0;
  if (t.total >= th.minRequests && rate >= th.errorRate) {
    out.push({
      rule: "error_rate",
      subject: "mono",
      severity: rate >= Math.min(1, th.errorRate * 2.5) ? "critical" : "warning",
      title: `Mono error rate ${(rate * 100).toFixed(1)} % over the last 5 minutes`,
      details: {
        total: t.total,
        errors: t.errors,
        rate: Number(rate.toFixed(4)),
        threshold: th.errorRate,
      },
    });
  }
  if (t.tooMany >= th.storm429) {
    out.push({
      rule: "storm_429",
      subject: "mono",
      severity: "warning",
      title: `${t.tooMany} rate-limited (429) answers from Mono in 5 minutes`,
      details: { count: t.tooMany, threshold: th.storm429 },
    });
  }
  return out;
}

export async function evaluateTraffic(now: Date = new Date()): Promise<TAlertSignal[]> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const {
    rows: [row],
  } = await sql<{ total: number; errors: number; too_many: number }>`
    SELECT coalesce(sum("count"), 0)::float8 AS total, coalesce(sum("errorCount"), 0)::float8 AS errors,
      coalesce(sum("count") FILTER (WHERE "statusClass" = '429'), 0)::float8 AS too_many
    FROM ${rollupRows("minute", sql<SqlBool>`"endpoint" = ${ALL_ENDPOINTS} AND "bucket" >= ${since}`)}`.execute(
    sqlDb,
  );
  return trafficSignals(
    { total: row?.total ?? 0, errors: row?.errors ?? 0, tooMany: row?.too_many ?? 0 },
    {
      errorRate: env.ERROR_RATE_ALERT_THRESHOLD,
      minRequests: env.ERROR_RATE_MIN_REQUESTS,
      storm429: env.STORM_429_THRESHOLD,
    },
  );
}
