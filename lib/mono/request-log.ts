import "server-only";

// The RequestLog contract: one row per HTTP attempt to Mono, awaited before the client returns or
// retries (docs/DESIGN.md §3 and P7, issue 4). The client depends only on the small
// TRequestLogSink type; the default sink is request-log-pg.ts (group commit over pg).

export type TStatusClass = "2xx" | "4xx" | "409" | "429" | "5xx" | "network" | "other";

export type TRequestLogRow = {
  requestId: string;
  monoLogId: string | null;
  operationId: string | null;
  idempotencyKey: string | null;
  traceId: string;
  method: string;
  path: string;
  endpoint: string;
  status: number | null;
  statusClass: TStatusClass;
  errorCode: string | null;
  attempt: number;
  callId: string;
  durationMs: number;
  delayBeforeMs: number;
  delayReason: "backoff" | "retry_after" | null;
  apiKeyLabel: "interactive" | "batch";
  requestBody: unknown;
  responseBody: unknown;
  requestHeaders: Record<string, string> | null;
  responseHeaders: Record<string, string> | null;
  at: Date;
};

export type TRequestLogSink = {
  write(row: TRequestLogRow): Promise<void>;
  close?(): Promise<void>;
};

/** 409 and 429 get their own class: they mean "idempotency/state conflict" and "slow down". */
export function statusClassOf(status: number | null): TStatusClass {
  if (status === null) return "network";
  if (status === 409) return "409";
  if (status === 429) return "429";
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500 && status < 600) return "5xx";
  return "other"; // 1xx/3xx: Mono sends neither; kept visible instead of being lumped in
}

/**
 * Writes with a few quick retries: a pool hiccup must not cost the row. The delays are short
 * because the caller (and, for a write, money) waits on this.
 */
export async function writeThrough(
  sink: TRequestLogSink,
  row: TRequestLogRow,
  delaysMs: readonly number[] = [20, 100],
): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await sink.write(row);
      return;
    } catch (err) {
      if (i >= delaysMs.length) throw err;
      await new Promise((r) => setTimeout(r, delaysMs[i]));
    }
  }
}
