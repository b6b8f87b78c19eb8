import "server-only";
import { Prisma } from "@/generated/prisma/client";

// Prisma stores DateTime in `timestamp(3)` columns as UTC wall time, without a zone. A Date sent
// as a query parameter can arrive typed in the session's or the process's zone; an ISO string
// cast here cannot. Every raw query writes and compares timestamps through this one fragment.
export function utc(d: Date): Prisma.Sql {
  return Prisma.sql`(${d.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}
