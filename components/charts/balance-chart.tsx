"use client";

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { GRID_PROPS, timeAxisProps, timeTooltipLabel } from "./time-axis";
import { formatCop } from "../money/format";
import type { TAnnotation, TBalancePoint } from "./api";
import { annotationLines } from "./annotation-lines";
import { type TTimeZone } from "./time-format";

export type TBalanceChartProps = {
  points: TBalancePoint[];
  stepSec: number;
  tz: TTimeZone;
  warningFloor: number;
  criticalFloor: number;
  projected: number | null; // runway: available minus approved-but-unsent
  annotations: TAnnotation[];
};

const compact = new Intl.NumberFormat("es-CO", { notation: "compact", maximumFractionDigits: 1 });

// Lowest available balance per step, with the floors and the runway forecast as lines.
export function BalanceChart({
  points,
  stepSec,
  tz,
  warningFloor,
  criticalFloor,
  projected,
  annotations,
}: TBalanceChartProps) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(tz, stepSec)} />
        <YAxis
          fontSize={11}
          width={64}
          tickFormatter={(v: number) => compact.format(v / 100)}
          domain={[0, "auto"]}
        />
        <Tooltip
          labelFormatter={timeTooltipLabel(tz)}
          formatter={(v) => [formatCop(Number(v)), "available"]}
        />
        <Line
          type="stepAfter"
          dataKey="available"
          stroke="#2563eb"
          dot={false}
          isAnimationActive={false}
        />
        {warningFloor > 0 ? (
          <ReferenceLine
            y={warningFloor}
            stroke="#f59e0b"
            strokeDasharray="6 3"
            label={{ value: "warning floor", fontSize: 10, position: "insideBottomRight" }}
          />
        ) : null}
        {criticalFloor > 0 ? (
          <ReferenceLine
            y={criticalFloor}
            stroke="#dc2626"
            strokeDasharray="6 3"
            label={{ value: "critical floor", fontSize: 10, position: "insideBottomRight" }}
          />
        ) : null}
        {projected !== null ? (
          <ReferenceLine
            y={Math.max(projected, 0)}
            stroke="#7c3aed"
            strokeDasharray="2 4"
            label={{ value: "after approved payouts", fontSize: 10, position: "insideTopRight" }}
          />
        ) : null}
        {annotationLines(annotations)}
      </LineChart>
    </ResponsiveContainer>
  );
}
