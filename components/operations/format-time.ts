// Dates as ops staff read them: Bogotá time, es-CO order.
const WHEN = new Intl.DateTimeFormat("es-CO", {
  timeZone: "America/Bogota",
  dateStyle: "short",
  timeStyle: "medium",
});

export function formatWhen(iso: string | null | undefined): string {
  return iso ? WHEN.format(new Date(iso)) : "—";
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
