import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Timestamp columns hold UTC without a zone (Prisma's default). A Date sent as a query parameter
// can arrive typed in the session's or the process's zone; an ISO string cast here cannot.
export function utc(d: Date): Prisma.Sql {
  return Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
