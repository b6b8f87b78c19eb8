import type { TTimeZone as TZoneName } from "@/lib/format/format";

// Chart times: America/Bogota by default with a UTC toggle (the choice lives in the URL as
// "bogota" or "utc"). The charts format through useFormat(TZ_NAME[tz]) (docs/I18N.md).
export type TTimeZone = "bogota" | "utc";
export const TZ_NAME: Record<TTimeZone, TZoneName> = { bogota: "America/Bogota", utc: "UTC" };

/** An error rate: "—" for none, two decimals under 1 %, else one ("0,25 %" · "12.5%"). */
export function errorRate(
  f: { percent: (ratio: number, digits?: number) => string },
  r: number | null,
): string {
  return r === null ? "—" : f.percent(r, r < 0.01 && r > 0 ? 2 : 1);
}
