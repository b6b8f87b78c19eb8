import { formatFull, formatTick, type TTimeZone } from "./time-format";

// The one time axis of every chart: numeric epoch-ms `t`, a time scale from the first to the last
// bucket, ticks in the chosen zone (Bogotá or UTC), and the tooltip's full date. Spread the props
// onto recharts' <XAxis> and <Tooltip>.
export function timeAxisProps(tz: TTimeZone, stepSec: number) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: ["dataMin", "dataMax"] as [string, string],
    tickFormatter: (t: number) => formatTick(t, tz, stepSec),
    fontSize: 11,
  };
}

export function timeTooltipLabel(tz: TTimeZone) {
  return (t: unknown) => formatFull(Number(t), tz);
}

/** A chart click on a bucket, as its start time; charts pass it to `onBucketClick`. */
export function bucketClick(onBucketClick?: (t: number) => void) {
  return (s: { activeLabel?: unknown }) => {
    if (typeof s.activeLabel === "number") onBucketClick?.(s.activeLabel);
  };
}

export const GRID_PROPS = { strokeDasharray: "3 3", stroke: "#e2e8f0" };
