// Start of the current day in Bogotá (UTC−5 all year, no daylight saving), as a UTC instant: the
// per-operator daily cap resets at local midnight.
export function startOfBogotaDay(now: Date): Date {
  const offsetMs = 5 * 60 * 60 * 1000;
  const local = new Date(now.getTime() - offsetMs);
  local.setUTCHours(0, 0, 0, 0);
  return new Date(local.getTime() + offsetMs);
}
