"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { EndpointTable } from "./endpoint-table";
import { ErrorRateChart } from "./error-rate-chart";
import { LatencyChart } from "./latency-chart";
import { VolumeChart } from "./volume-chart";
import { RangeControls } from "./range-controls";
import { useChartUrl } from "./use-chart-url";
import { useRequestCharts } from "./use-charts";
import { errorRate } from "./time-format";

// Data card for the request charts: reads the URL, fetches rollup series, and hands plain props to
// the pure charts. Clicking a bucket opens the request log filtered to that bucket.
export function RequestChartsCard() {
  const t = useTranslations("charts.requests");
  const f = useFormat();
  const router = useRouter();
  const { query, tz, set } = useChartUrl();
  const q = useRequestCharts(query);
  const d = q.data;
  const openBucket = (t: number) => {
    if (!d) return;
    const sp = new URLSearchParams({
      from: new Date(t).toISOString(),
      to: new Date(t + d.stepSec * 1000).toISOString(),
    });
    if (query.endpoint) sp.set("endpoint", query.endpoint);
    if (query.statusClass) sp.set("statusClass", query.statusClass);
    router.push(`/requests?${sp}`);
  };
  const total = d?.points.reduce((n, p) => n + p.total, 0) ?? 0;
  const errors = d?.points.reduce((n, p) => n + p.errors, 0) ?? 0;
  return (
    <Card data-testid="request-charts">
      <CardHeader
        title={t("title")}
        description={t("description", {
          endpoint: query.endpoint ?? t("allEndpoints"),
          total,
          rate: errorRate(f, total ? errors / total : null),
        })}
        actions={
          <RangeControls
            range={query.range}
            tz={tz}
            onRange={(range) => set({ range })}
            onTz={(z) => set({ tz: z === "utc" ? "utc" : undefined })}
          />
        }
      />
      <div className="space-y-6 px-5 py-4">
        <ErrorNote error={q.error} />
        {d ? (
          <>
            <section aria-label={t("errorRate")}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{t("errorRate")}</h3>
              <ErrorRateChart
                points={d.points}
                stepSec={d.stepSec}
                tz={tz}
                annotations={d.annotations}
                onBucketClick={openBucket}
              />
            </section>
            <section aria-label={t("latency")}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{t("latencyTitle")}</h3>
              <LatencyChart
                points={d.points}
                stepSec={d.stepSec}
                tz={tz}
                annotations={d.annotations}
                onBucketClick={openBucket}
              />
            </section>
            <section aria-label={t("volume")}>
              <h3 className="mb-1 text-sm font-medium text-slate-700">{t("volume")}</h3>
              <VolumeChart
                points={d.points}
                stepSec={d.stepSec}
                tz={tz}
                onBucketClick={openBucket}
              />
            </section>
          </>
        ) : q.isPending ? (
          <p className="text-sm text-slate-500">{t("loading")}</p>
        ) : null}
      </div>
      {d ? (
        <EndpointTable
          rows={d.endpoints}
          selected={query.endpoint}
          onSelect={(endpoint) => set({ endpoint })}
        />
      ) : null}
    </Card>
  );
}
