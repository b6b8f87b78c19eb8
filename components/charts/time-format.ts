// Chart times: America/Bogota by default with a UTC toggle. Bogotá has no DST, so
// one formatter per zone is enough.
export type TTimeZone = "bogota" | "utc";
export const TZ_NAME: Record<TTimeZone, string> = { bogota: "America/Bogota", utc: "UTC" };

export function formatTick(t: number, tz: TTimeZone, stepSec: number): string {
  const o: Intl.DateTimeFormatOptions =
    stepSec >= 3600
      ? { timeZone: TZ_NAME[tz], month: "short", day: "numeric", hour: "2-digit", hourCycle: "h23" }
      : { timeZone: TZ_NAME[tz], hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat("es-CO", o).format(t);
}

export function formatFull(t: number | string, tz: TTimeZone): string {
  return (
    new Intl.DateTimeFormat("es-CO", {
      timeZone: TZ_NAME[tz],
      dateStyle: "medium",
      timeStyle: "short",
      hourCycle: "h23",
    }).format(new Date(t)) + (tz === "utc" ? " UTC" : " COT")
  );
}

export const percent = (r: number | null) =>
  r === null ? "—" : `${(r * 100).toFixed(r < 0.01 && r > 0 ? 2 : 1)} %`;
export const millis = (ms: number | null) =>
  ms === null ? "—" : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
