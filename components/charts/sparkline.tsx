"use client";

import { useTranslations } from "next-intl";
import { Area, AreaChart, ResponsiveContainer, Tooltip, YAxis } from "recharts";
import { useFormat } from "../i18n/use-format";

export type TSparklineProps = { points: { t: number; errorRate: number | null; total: number }[] };

// The last hour's error rate, per minute: shape over exact values.
export function ErrorRateSparkline({ points }: TSparklineProps) {
  const f = useFormat();
  const t = useTranslations("charts");
  const data = points.map((p) => ({ t: p.t, rate: p.errorRate === null ? 0 : p.errorRate * 100 }));
  return (
    <ResponsiveContainer width="100%" height={48}>
      <AreaChart data={data} margin={{ top: 2, bottom: 2, left: 0, right: 0 }}>
        <YAxis hide domain={[0, (max: number) => Math.max(5, max)]} />
        <Tooltip
          formatter={(v) => [f.percent(Number(v) / 100, 1), t("errors")]}
          labelFormatter={() => ""}
        />
        <Area
          type="monotone"
          dataKey="rate"
          stroke="#ef4444"
          fill="#fecaca"
          isAnimationActive={false}
          dot={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}
