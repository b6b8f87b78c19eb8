"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormat } from "../i18n/use-format";
import { bucketClick, GRID_PROPS, timeAxisProps, timeTooltipLabel } from "./time-axis";
import { STATUS_CLASSES } from "@/lib/metrics/status-classes";
import type { TSeriesPoint } from "./api";
import { CLASS_COLORS } from "./error-rate-chart";
import { TZ_NAME, type TTimeZone } from "./time-format";

export type TVolumeChartProps = {
  points: TSeriesPoint[];
  stepSec: number;
  tz: TTimeZone;
  onBucketClick?: (t: number) => void;
};

// Attempts per step, stacked by status class.
export function VolumeChart({ points, stepSec, tz, onBucketClick }: TVolumeChartProps) {
  const f = useFormat(TZ_NAME[tz]);
  const t = useTranslations("charts.classes");
  const data = points.map((p) => ({ t: p.t, ...p.byClass }));
  return (
    <ResponsiveContainer width="100%" height={160}>
      <BarChart data={data} onClick={bucketClick(onBucketClick)}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(f, stepSec)} />
        <YAxis
          fontSize={11}
          width={48}
          allowDecimals={false}
          tickFormatter={(v: number) => f.number(v)}
        />
        <Tooltip labelFormatter={timeTooltipLabel(f)} formatter={(v) => f.number(Number(v))} />
        {STATUS_CLASSES.map((c) => (
          <Bar
            key={c}
            dataKey={c}
            name={t(c)}
            stackId="v"
            fill={CLASS_COLORS[c]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
