import "server-only";
import { sql } from "kysely";
import { db, sqlDb } from "../db";
import { getMonoHealth, getKeyAge } from "../mono";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { aggregateRollups } from "./rollup-query";
import { histogramSamples, type TMetricFamily } from "./prometheus";

// GET /api/metrics. Request counters come from the hourly rollups since 00:00 UTC today: shared by
// every instance (unlike per-process counters) and cheap (≤ 24 hours × endpoints × classes rows).
// They reset at midnight UTC, which Prometheus' rate()/increase() treat as a counter reset.

const DAY = 86_400_000;

async function queueDepth(): Promise<{ name: string; n: number }[]> {
  try {
    // pg-boss's own table: not in the console's schema, so not in Kysely's types.
    const { rows } = await sql<{ name: string; n: number }>`
      SELECT name, count(*)::float8 AS n FROM pgboss.job WHERE state IN ('created', 'retry') GROUP BY name`.execute(
      sqlDb,
    );
    return rows;
  } catch {
    return []; // pg-boss has not created its schema yet (no worker started)
  }
}

export async function collectMetrics(now: Date = new Date()): Promise<TMetricFamily[]> {
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY);
  const [rows, queues, webhooks, rejections, alerts] = await Promise.all([
    aggregateRollups(
      { from, to: new Date(from.getTime() + DAY), stepSec: 3600, grain: "hour" },
      "endpoint",
    ),
    queueDepth(),
    db.webhookEvent.groupBy({ by: ["processingResult"], _count: { _all: true } }),
    db.webhookRejection.groupBy({ by: ["reason"], _count: { _all: true } }),
    db.alert.groupBy({
      by: ["severity"],
      where: { state: { in: ["open", "acknowledged"] } },
      _count: { _all: true },
    }),
  ]);
  const l = (r: { key: string; statusClass: string }) => ({
    endpoint: r.key,
    status_class: r.statusClass,
  });
  const families: TMetricFamily[] = [
    {
      name: "mono_requests_total",
      help: "Attempts to Mono since 00:00 UTC, by endpoint and status class",
      type: "counter",
      samples: rows.map((r) => ({ labels: l(r), value: r.count })),
    },
    {
      name: "mono_request_errors_total",
      help: "Attempts that were not a clean 2xx since 00:00 UTC",
      type: "counter",
      samples: rows.map((r) => ({ labels: l(r), value: r.errors })),
    },
    {
      name: "mono_request_retries_total",
      help: "Attempts that were retries (attempt > 1) since 00:00 UTC",
      type: "counter",
      samples: rows.map((r) => ({ labels: l(r), value: r.retries })),
    },
    {
      name: "mono_request_duration_seconds",
      help: "Attempt latency since 00:00 UTC",
      type: "histogram",
      samples: rows.flatMap((r) =>
        histogramSamples(l(r), LATENCY_BOUNDS_MS, r.hist, r.durationSum),
      ),
    },
    {
      name: "console_job_queue_depth",
      help: "Jobs waiting in the queue, by job name",
      type: "gauge",
      samples: queues.map((q) => ({ labels: { queue: q.name }, value: q.n })),
    },
    {
      name: "mono_webhook_events_total",
      help: "Stored webhook events by processing result",
      type: "counter",
      samples: webhooks.map((w) => ({
        labels: { result: w.processingResult ?? "pending" },
        value: w._count._all,
      })),
    },
    {
      name: "mono_webhook_rejections_total",
      help: "Webhook deliveries refused before storage, by reason",
      type: "counter",
      samples: rejections.map((w) => ({ labels: { reason: w.reason }, value: w._count._all })),
    },
    {
      name: "console_alerts_open",
      help: "Open or acknowledged alerts by severity",
      type: "gauge",
      samples: alerts.map((a) => ({ labels: { severity: a.severity }, value: a._count._all })),
    },
  ];
  return [...families, ...clientFamilies(now)];
}

/** Per-instance state of this process's Mono client; absent when Mono is not configured. */
function clientFamilies(now: Date): TMetricFamily[] {
  try {
    const h = getMonoHealth();
    const keyAge = getKeyAge(now);
    return [
      {
        name: "mono_breaker_state",
        help: "Circuit breaker state of this instance (1 = current)",
        type: "gauge",
        samples: (["closed", "open", "half_open"] as const).map((s) => ({
          labels: { state: s },
          value: h.breaker === s ? 1 : 0,
        })),
      },
      {
        name: "mono_retry_budget_available",
        help: "Retry budget tokens left on this instance",
        type: "gauge",
        samples: [{ value: h.budget.available }],
      },
      {
        name: "mono_in_flight",
        help: "Attempts on the wire from this instance",
        type: "gauge",
        samples: [{ value: h.inFlight }],
      },
      {
        name: "mono_queued",
        help: "Attempts waiting for a concurrency slot on this instance",
        type: "gauge",
        samples: [{ value: h.queued }],
      },
      ...(keyAge === null
        ? []
        : [
            {
              name: "mono_api_key_age_days",
              help: "Days since the API key was issued",
              type: "gauge" as const,
              samples: [{ value: keyAge }],
            },
          ]),
    ];
  } catch {
    return [];
  }
}
