import "server-only";
import pg from "pg";
import { pgConnectionConfig } from "@/lib/db-url";
import { withRollups } from "@/lib/metrics/rollup-sql";
import type { TRequestLogRow, TRequestLogSink } from "./request-log";

// The production RequestLog sink: plain `pg` with group commit. Every caller still awaits the
// commit of its own row (write-through), but rows that arrive while a flush is running are
// inserted together in one multi-row INSERT. Under load that turns N round trips and N ORM query
// compilations into one statement; at low load a row is flushed alone, immediately.
// Why not Prisma here: its create() costs ~2 ms of CPU per row on this stack (bench/client.ts),
// which alone broke the 2 ms log-write target and capped the client near 550 requests/s.

const COLUMNS = [
  "requestId",
  "monoLogId",
  "operationId",
  "idempotencyKey",
  "traceId",
  "method",
  "path",
  "endpoint",
  "status",
  "statusClass",
  "errorCode",
  "attempt",
  "callId",
  "durationMs",
  "delayBeforeMs",
  "delayReason",
  "apiKeyLabel",
  "requestBody",
  "responseBody",
  "requestHeaders",
  "responseHeaders",
  "at",
] as const;
const JSON_COLUMNS = new Set(["requestBody", "responseBody", "requestHeaders", "responseHeaders"]);
const COLUMN_SQL = COLUMNS.map((c) => `"${c}"`).join(", ");

type TPending = { row: TRequestLogRow; resolve: () => void; reject: (e: unknown) => void };
export type TPgSinkOptions = {
  databaseUrl?: string;
  pool?: pg.Pool;
  maxBatch?: number;
  maxConcurrentFlushes?: number;
};

function cast(column: string, index: number): string {
  if (JSON_COLUMNS.has(column)) return `$${index}::jsonb`;
  // Stored as UTC in a timestamp-without-time-zone column, as Prisma does.
  if (column === "at") return `($${index}::timestamptz AT TIME ZONE 'UTC')`;
  return `$${index}`;
}

function valueOf(row: TRequestLogRow, column: (typeof COLUMNS)[number]): unknown {
  const v = row[column];
  if (column === "at") return row.at.toISOString();
  if (JSON_COLUMNS.has(column)) return v === null || v === undefined ? null : JSON.stringify(v);
  return v;
}

export function insertStatement(rows: TRequestLogRow[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = COLUMNS.map((c) => {
      values.push(valueOf(row, c));
      return cast(c, values.length);
    });
    return `(${slots.join(", ")})`;
  });
  // Unnamed on purpose: PGlite serves every connection from one backend, where named prepared
  // statements from two pool connections collide (42P05).
  return { text: `INSERT INTO "RequestLog" (${COLUMN_SQL}) VALUES ${tuples.join(", ")}`, values };
}

export function pgRequestLogSink(
  options: TPgSinkOptions = {},
): TRequestLogSink & { close(): Promise<void> } {
  const maxBatch = options.maxBatch ?? 200;
  // Two flushes in parallel: one slow commit must not hold every row behind it, and more than two
  // only makes flushes queue on the same MetricRollup rows' locks (measured: 32 writers, p50
  // 3.2–4 ms with 1–2 flushes, 8.5–9 ms with 4; see docs/MONO-CLIENT.md "Benchmark").
  const maxFlushes = options.maxConcurrentFlushes ?? 2;
  let pool: pg.Pool | null = options.pool ?? null;
  const getPool = async (): Promise<pg.Pool> => {
    if (pool) return pool;
    const url = options.databaseUrl ?? (await import("@/lib/env")).env.DATABASE_URL;
    // allowExitOnIdle: an idle log pool must not keep a script or test worker alive.
    pool = new pg.Pool({ ...pgConnectionConfig(url), max: maxFlushes, allowExitOnIdle: true });
    return pool;
  };
  const queue: TPending[] = [];
  let active = 0;

  const flush = async (batch: TPending[]): Promise<void> => {
    try {
      // withRollups: the same statement folds the rows into MetricRollup(Hour) (lib/metrics), so
      // the charts' counts can never disagree with the log.
      await (await getPool()).query(withRollups(insertStatement(batch.map((p) => p.row))));
      for (const p of batch) p.resolve();
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
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
        pump();
      });
    },
    async close() {
      await pool?.end();
      pool = null;
    },
  };
}
