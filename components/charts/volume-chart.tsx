"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketClick, GRID_PROPS, timeAxisProps, timeTooltipLabel } from "./time-axis";
import { STATUS_CLASSES } from "@/lib/metrics/status-classes";
import type { TSeriesPoint } from "./api";
import { CLASS_COLORS } from "./error-rate-chart";
import { type TTimeZone } from "./time-format";

export type TVolumeChartProps = {
  points: TSeriesPoint[];
  stepSec: number;
  tz: TTimeZone;
  onBucketClick?: (t: number) => void;
};

// Attempts per step, stacked by status class.
export function VolumeChart({ points, stepSec, tz, onBucketClick }: TVolumeChartProps) {
  const data = points.map((p) => ({ t: p.t, ...p.byClass }));
  return (
    <ResponsiveContainer width="100%" height={160}>
      <BarChart data={data} onClick={bucketClick(onBucketClick)}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(tz, stepSec)} />
        <YAxis fontSize={11} width={48} allowDecimals={false} />
        <Tooltip labelFormatter={timeTooltipLabel(tz)} />
        {STATUS_CLASSES.map((c) => (
          <Bar key={c} dataKey={c} stackId="v" fill={CLASS_COLORS[c]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
