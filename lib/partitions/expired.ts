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

/**
 * The range of "at" a req_<KSUID>'s row can hold: the console mints the id when it starts the call
 * and logs the row when the call ends, seconds later; a day either side leaves room for clock skew
 * between instances and for the longest retry. A lookup bounded by it reads one to three day
 * partitions instead of every day the log keeps (partition pruning). Null for any other string.
 */
export function requestIdWindow(requestId: string): { from: Date; to: Date } | null {
  const t = requestIdTime(requestId);
  if (!t) return null;
  return { from: new Date(t.getTime() - DAY_MS), to: new Date(t.getTime() + DAY_MS) };
}
const DAY_MS = 86_400_000;

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
