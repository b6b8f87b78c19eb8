// The one time axis of every chart: numeric epoch-ms `t`, a time scale from the first to the last
// bucket, ticks and the tooltip's full date in the person's language and the chosen zone (Bogotá
// or UTC). `f` is useFormat(TZ_NAME[tz]) (or any formatters bound to a language and zone). Spread
// the props onto recharts' <XAxis> and <Tooltip>.
export type TAxisFormat = {
  timeOfDay: (v: number) => string;
  date: (v: Date) => string;
  when: (v: Date) => string;
};

/** A tick: the time of day for minute steps; the day (without the year) and hour for longer ones. */
export function formatTick(t: number, f: TAxisFormat, stepSec: number): string {
  if (stepSec < 3600) return f.timeOfDay(t);
  return `${f.date(new Date(t)).replace(/\/\d{4}$/, "")} ${f.timeOfDay(t)}`;
}

export function timeAxisProps(f: TAxisFormat, stepSec: number) {
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: ["dataMin", "dataMax"] as [string, string],
    tickFormatter: (t: number) => formatTick(t, f, stepSec),
    fontSize: 11,
  };
}

export function timeTooltipLabel(f: TAxisFormat) {
  return (t: unknown) => f.when(new Date(Number(t)));
}

/** A chart click on a bucket, as its start time; charts pass it to `onBucketClick`. */
export function bucketClick(onBucketClick?: (t: number) => void) {
  return (s: { activeLabel?: unknown }) => {
    if (typeof s.activeLabel === "number") onBucketClick?.(s.activeLabel);
  };
}

export const GRID_PROPS = { strokeDasharray: "3 3", stroke: "#e2e8f0" };
