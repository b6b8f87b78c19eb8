import "server-only";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { sqlDb } from "@/lib/db";
import { withPending } from "@/lib/metrics/rollup-sql";
import type { TRequestLogRow, TRequestLogSink } from "./request-log";

// The production RequestLog sink: one Kysely statement per group of rows (group commit). Every
// caller still awaits the commit of its own row (write-through), but rows that arrive while a
// flush is running are inserted together in one INSERT. Under load that turns N round trips into
// one statement; at low load a row is flushed alone, immediately.
// Why not Prisma here: its create() costs ~2 ms of CPU per row on this stack (bench/client.ts),
// which alone broke the 2 ms log-write target and capped the client near 550 requests/s.

// Column → PostgreSQL type of the record the batch is read as (json_to_recordset below).
const TYPE = { text: sql`text`, int: sql`int`, json: sql`json`, timestamptz: sql`timestamptz` };
const COLUMNS = {
  requestId: "text",
  monoLogId: "text",
  operationId: "text",
  idempotencyKey: "text",
  traceId: "text",
  method: "text",
  path: "text",
  endpoint: "text",
  status: "int",
  statusClass: "text",
  errorCode: "text",
  attempt: "int",
  callId: "text",
  durationMs: "int",
  delayBeforeMs: "int",
  delayReason: "text",
  apiKeyLabel: "text",
  requestBody: "json",
  responseBody: "json",
  requestHeaders: "json",
  responseHeaders: "json",
  at: "timestamptz",
} as const satisfies Record<keyof TRequestLogRow, keyof typeof TYPE>;
const NAMES = sql.join(Object.keys(COLUMNS).map((c) => sql.ref(c)));
const RECORD = sql.join(Object.entries(COLUMNS).map(([c, t]) => sql`${sql.ref(c)} ${TYPE[t]}`));

/**
 * The INSERT of a group: one statement text whatever the group's size, with one parameter, the
 * rows as a JSON array. A VALUES list of 22 parameters per row cost PostgreSQL a parse and plan
 * per flush that grew with the group (bench/client: the log write's p50 fell by about a third).
 * JSON.stringify writes `at` as its ISO string (read back as timestamptz by the record type) and
 * drops nothing else: null stays null.
 */
export function insertStatement(rows: TRequestLogRow[]): RawBuilder<unknown> {
  return sql`INSERT INTO "RequestLog" (${NAMES}) SELECT ${NAMES}
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS t(${RECORD})`;
}

type TPending = { row: TRequestLogRow; resolve: () => void; reject: (e: unknown) => void };
export type TPgSinkOptions = {
  /** Where to write: the process's Kysely (lib/db.ts) unless given (benchmarks, tests). */
  db?: Kysely<DB>;
  maxBatch?: number;
  maxConcurrentFlushes?: number;
};

export function pgRequestLogSink(
  options: TPgSinkOptions = {},
): TRequestLogSink & { close(): Promise<void> } {
  const maxBatch = options.maxBatch ?? 200;
  // Up to four flushes in parallel, each carrying what one event-loop turn wrote (below): a turn's
  // rows rarely wait for a free connection, and one slow commit does not hold every row behind it
  // (bench/client: gathering + 4 flushes took the p50 ratio from 1.56–1.80 to 1.09–1.48; 6 and 8
  // measured the same as 4; see docs/MONO-CLIENT.md "Benchmark").
  const maxFlushes = options.maxConcurrentFlushes ?? 4;
  const target = options.db ?? sqlDb;
  const queue: TPending[] = [];
  let active = 0;

  const flush = async (batch: TPending[]): Promise<void> => {
    try {
      // withPending: the same statement queues the rows for the metric rollups (lib/metrics), so
      // the charts' counts can never disagree with the log.
      await withPending(insertStatement(batch.map((p) => p.row))).execute(target);
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  let gathering = false;
  const pump = (): void => {
    while (active < maxFlushes && queue.length > 0) {
      active++;
      void flush(queue.splice(0, maxBatch)).finally(() => {
        active--;
        pump();
      });
    }
  };

  return {
    write(row) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        // Rows written during this turn of the event loop leave together, right after it: a
        // flush started by the first of them would carry it alone and hold a connection while
        // the rest waited (bench/client: single-row flushes were half of all flushes).
        if (!gathering) {
          gathering = true;
          setImmediate(() => {
            gathering = false;
            pump();
          });
        }
      });
    },
    async close() {
      // The pool belongs to whoever made it (lib/db.ts or the caller): nothing to close here.
    },
  };
}
