import "server-only";
import KSUID from "ksuid";
import { listPartitions, retentionCutoff, retentionDays } from "./maintain";

// "Not found" and "no longer kept" are different answers: a request id is a KSUID, so its time is
// known without the row, and a request made before the oldest day the request log still holds (or
// before the retention cutoff) was dropped by retention, not lost.

/** When a req_<KSUID> was minted, or null for anything else. */
export function requestIdTime(requestId: string): Date | null {
  const m = /^req_([0-9A-Za-z]{27})$/.exec(requestId);
  if (!m) return null;
  try {
    return KSUID.parse(m[1]).date;
  } catch {
    return null;
  }
}

/** For a request id with no row: the retention answer when its day is past retention, else null. */
export async function requestExpired(
  requestId: string,
  now = new Date(),
): Promise<{ keptDays: number; madeAt: Date; message: string } | null> {
  const madeAt = requestIdTime(requestId);
  if (!madeAt) return null;
  const keptDays = retentionDays("RequestLog");
  const [oldest] = await listPartitions("RequestLog");
  const dropped = (oldest && madeAt < oldest.day) || madeAt < retentionCutoff("RequestLog", now);
  if (!dropped) return null;
  return {
    keptDays,
    madeAt,
    message: `kept for ${keptDays} days: request ${requestId} was made on ${madeAt.toISOString().slice(0, 10)} and that day of the request log has been dropped by retention`,
  };
}
