"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_CLASSES } from "@/lib/metrics/status-classes";
import type { TSeriesPoint } from "./api";
import { CLASS_COLORS } from "./error-rate-chart";
import { formatFull, formatTick, type TTimeZone } from "./time-format";

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
      <BarChart
        data={data}
        onClick={(s) => typeof s.activeLabel === "number" && onBucketClick?.(s.activeLabel)}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          tickFormatter={(t: number) => formatTick(t, tz, stepSec)}
          fontSize={11}
        />
        <YAxis fontSize={11} width={48} allowDecimals={false} />
        <Tooltip labelFormatter={(t) => formatFull(Number(t), tz)} />
        {STATUS_CLASSES.map((c) => (
          <Bar key={c} dataKey={c} stackId="v" fill={CLASS_COLORS[c]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
