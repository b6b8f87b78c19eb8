"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useFormat } from "../i18n/use-format";
import { bucketClick, GRID_PROPS, timeAxisProps, timeTooltipLabel } from "./time-axis";
import type { TAnnotation, TSeriesPoint } from "./api";
import { annotationLines, useAnnotationLabel } from "./annotation-lines";
import { TZ_NAME, type TTimeZone } from "./time-format";

export type TLatencyChartProps = {
  points: TSeriesPoint[];
  stepSec: number;
  tz: TTimeZone;
  annotations: TAnnotation[];
  onBucketClick?: (t: number) => void;
};

// p50 and p95 from the rollup histograms (interpolated inside fixed buckets: ±1 bucket width).
export function LatencyChart({
  points,
  stepSec,
  tz,
  annotations,
  onBucketClick,
}: TLatencyChartProps) {
  const f = useFormat(TZ_NAME[tz]);
  const label = useAnnotationLabel();
  // A line needs two points: right after a start (or on a quiet hour) a lone bucket would draw
  // nothing, so sparse series show their points.
  const sparse = points.filter((p) => p.p50 !== null).length < 3;
  const dot = sparse ? { r: 3 } : false;
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points} onClick={bucketClick(onBucketClick)}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(f, stepSec)} />
        <YAxis fontSize={11} width={60} tickFormatter={(v: number) => f.duration(v)} />
        <Tooltip
          labelFormatter={timeTooltipLabel(f)}
          formatter={(v, name) => [f.duration(v === null ? null : Number(v)), name]}
        />
        <Legend />
        <Line
          type="monotone"
          dataKey="p50"
          name="p50"
          stroke="#2563eb"
          dot={dot}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="p95"
          name="p95"
          stroke="#dc2626"
          dot={dot}
          connectNulls
          isAnimationActive={false}
        />
        {annotationLines(annotations, label)}
      </LineChart>
    </ResponsiveContainer>
  );
}
