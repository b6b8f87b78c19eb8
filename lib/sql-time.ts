// Prisma stores DateTime in `timestamp(3)` columns as UTC wall time. In raw SQL a JS Date would be
// sent as a zoned value and converted with the session's TimeZone, so raw queries pass this text
// instead, cast with ::timestamp(3): correct whatever the server's time zone.
export function sqlUtc(d: Date): string {
  return d.toISOString().replace("Z", "");
}
