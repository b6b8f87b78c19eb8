"use client";

import { useTranslations } from "next-intl";
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "../i18n/use-format";
import { bucketClick, GRID_PROPS, timeAxisProps, timeTooltipLabel } from "./time-axis";
import { STATUS_CLASSES, type TStatusClassName } from "@/lib/metrics/status-classes";
import type { TAnnotation, TSeriesPoint } from "./api";
import { annotationLines, useAnnotationLabel } from "./annotation-lines";
import { TZ_NAME, type TTimeZone } from "./time-format";

export const CLASS_COLORS: Record<TStatusClassName, string> = {
  "2xx": "#10b981",
  "4xx": "#f59e0b",
  "409": "#a855f7",
  "429": "#f97316",
  "5xx": "#ef4444",
  network: "#64748b",
  other: "#94a3b8",
};
const ERROR_CLASSES = STATUS_CLASSES.filter((c) => c !== "2xx");

export type TErrorRateChartProps = {
  points: TSeriesPoint[];
  stepSec: number;
  tz: TTimeZone;
  annotations: TAnnotation[];
  onBucketClick?: (t: number) => void;
};

// Share of attempts per status class (non-2xx stacked), per step: the error rate by class.
export function ErrorRateChart({
  points,
  stepSec,
  tz,
  annotations,
  onBucketClick,
}: TErrorRateChartProps) {
  const f = useFormat(TZ_NAME[tz]);
  const t = useTranslations("charts.classes");
  const label = useAnnotationLabel();
  const data = points.map((p) => ({
    t: p.t,
    ...Object.fromEntries(
      ERROR_CLASSES.map((c) => [c, p.total ? (p.byClass[c] / p.total) * 100 : 0]),
    ),
  }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <AreaChart
        data={data}
        onClick={bucketClick(onBucketClick)}
        style={{ cursor: onBucketClick ? "pointer" : undefined }}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(f, stepSec)} />
        <YAxis fontSize={11} width={48} tickFormatter={(v: number) => f.percent(v / 100, 0)} />
        <Tooltip
          labelFormatter={timeTooltipLabel(f)}
          formatter={(v, name) => [f.percent(Number(v) / 100, 2), name]}
        />
        {ERROR_CLASSES.map((c) => (
          <Area
            key={c}
            type="stepAfter"
            dataKey={c}
            name={t(c)}
            stackId="err"
            stroke={CLASS_COLORS[c]}
            fill={CLASS_COLORS[c]}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
        ))}
        {annotationLines(annotations, label)}
      </AreaChart>
    </ResponsiveContainer>
  );
}
