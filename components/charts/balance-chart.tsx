"use client";

import { useTranslations } from "next-intl";
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
import { useFormat } from "../i18n/use-format";
import type { TAnnotation, TBalancePoint } from "./api";
import { annotationLines, useAnnotationLabel } from "./annotation-lines";
import { TZ_NAME, type TTimeZone } from "./time-format";

export type TBalanceChartProps = {
  points: TBalancePoint[];
  stepSec: number;
  tz: TTimeZone;
  warningFloor: number;
  criticalFloor: number;
  projected: number | null; // runway: available minus approved-but-unsent
  annotations: TAnnotation[];
};

// The axis writes pesos short ("850 M"), the Colombian way in both languages like all money
// (docs/I18N.md); the tooltip gives the exact amount.
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
  const f = useFormat(TZ_NAME[tz]);
  const t = useTranslations("charts.balance");
  const label = useAnnotationLabel();
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points}>
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...timeAxisProps(f, stepSec)} />
        <YAxis
          fontSize={11}
          width={64}
          tickFormatter={(v: number) => compact.format(v / 100)}
          domain={[0, "auto"]}
        />
        <Tooltip
          labelFormatter={timeTooltipLabel(f)}
          formatter={(v) => [f.money(Math.round(Number(v))), t("available")]}
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
            label={{ value: t("warningFloor"), fontSize: 10, position: "insideBottomRight" }}
          />
        ) : null}
        {criticalFloor > 0 ? (
          <ReferenceLine
            y={criticalFloor}
            stroke="#dc2626"
            strokeDasharray="6 3"
            label={{ value: t("criticalFloor"), fontSize: 10, position: "insideBottomRight" }}
          />
        ) : null}
        {projected !== null ? (
          <ReferenceLine
            y={Math.max(projected, 0)}
            stroke="#7c3aed"
            strokeDasharray="2 4"
            label={{ value: t("afterApproved"), fontSize: 10, position: "insideTopRight" }}
          />
        ) : null}
        {annotationLines(annotations, label)}
      </LineChart>
    </ResponsiveContainer>
  );
}
