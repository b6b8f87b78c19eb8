import "server-only";
import { sql, type Kysely } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { sqlDb } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";

// Daily partitions of the history tables (migration 20261204180000_partitioned_history).
// - ensurePartitions(): every day from today to AHEAD_DAYS ahead has its partition, and any day
//   that has rows in the DEFAULT partition (rows older than the migration, or a day nobody created
//   in time) gets one too, the rows moved into it. Run at start-up (web and worker) and daily.
// - dropExpiredPartitions(): whole days older than the table's retention are dropped, unless an
//   active PartitionHold overlaps them. Dropping a day is a catalog change, not a DELETE: no dead
//   rows, no vacuum debt, about as fast at 10 M rows as at 10.
// Every change runs in a transaction holding one advisory lock, so instances never race, with a
// short lock_timeout: a maintenance step never queues behind a long query and blocks the inserts
// that would queue behind it. A run that loses is retried by the next one.

export type THistoryTable = "RequestLog" | "WebhookEvent";
export const HISTORY: Record<THistoryTable, { column: "at" | "receivedAt" }> = {
  RequestLog: { column: "at" },
  WebhookEvent: { column: "receivedAt" },
};
export const AHEAD_DAYS = 7;
const LOCK = sql`pg_advisory_xact_lock(hashtext('history-partitions'))`;
const DAY_MS = 86_400_000;

const dayStart = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, "");
export const partitionName = (table: THistoryTable, day: Date) => `${table}_p${ymd(day)}`;

/** The days (UTC midnight) that have a partition, oldest first. */
export async function listPartitions(
  table: THistoryTable,
  db: Kysely<DB> = sqlDb,
): Promise<{ name: string; day: Date }[]> {
  const r = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = ${sql.lit(`"${table}"`)}::regclass ORDER BY 1`.execute(db);
  const out: { name: string; day: Date }[] = [];
  for (const { name } of r.rows) {
    const m = /_p(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (m) out.push({ name, day: new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) });
  }
  return out;
}

/** Creates the partition of one day; moves that day's rows out of DEFAULT first when it has some. */
async function createDay(db: Kysely<DB>, table: THistoryTable, day: Date): Promise<boolean> {
  const col = sql.ref(HISTORY[table].column);
  const name = partitionName(table, day);
  const lo = day.toISOString();
  const hi = new Date(day.getTime() + DAY_MS).toISOString();
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL lock_timeout = '5s'`.execute(trx);
    await sql`SELECT ${LOCK}`.execute(trx);
    const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class
        WHERE relname = ${name} AND relnamespace = current_schema()::regnamespace`.execute(trx);
    if (exists.rows[0].n > 0) return false;
    const def = sql.table(`${table}_default`);
    const inDay = sql`${col} >= ${lo}::timestamptz AND ${col} < ${hi}::timestamptz`;
    const stray = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${def}
        WHERE ${inDay} LIMIT 1) s`.execute(trx);
    const bounds = sql`FOR VALUES FROM (${sql.lit(lo)}) TO (${sql.lit(hi)})`;
    if (stray.rows[0].n === 0) {
      await sql`CREATE TABLE ${sql.table(name)} PARTITION OF ${sql.table(table)} ${bounds}`.execute(
        trx,
      );
    } else {
      await sql`CREATE TABLE ${sql.table(name)} (LIKE ${sql.table(table)} INCLUDING DEFAULTS)`.execute(
        trx,
      );
      await sql`WITH moved AS (DELETE FROM ${def} WHERE ${inDay} RETURNING *)
          INSERT INTO ${sql.table(name)} SELECT * FROM moved`.execute(trx);
      await sql`ALTER TABLE ${sql.table(table)} ATTACH PARTITION ${sql.table(name)} ${bounds}`.execute(
        trx,
      );
    }
    return true;
  });
}

/** Days (UTC) that still have rows in a table's DEFAULT partition. */
async function strayDays(db: Kysely<DB>, table: THistoryTable): Promise<Date[]> {
  const col = sql.ref(HISTORY[table].column);
  const r = await sql<{ day: Date }>`SELECT DISTINCT date_trunc('day', ${col}) AS day
      FROM ${sql.table(`${table}_default`)} ORDER BY 1 LIMIT 400`.execute(db);
  return r.rows.map((x) => new Date(x.day));
}

/** Makes sure today + AHEAD_DAYS and every day with rows in DEFAULT have a partition. */
export async function ensurePartitions(
  o: { now?: Date; aheadDays?: number; db?: Kysely<DB> } = {},
): Promise<string[]> {
  const db = o.db ?? sqlDb;
  const today = dayStart(o.now ?? new Date());
  const created: string[] = [];
  for (const table of Object.keys(HISTORY) as THistoryTable[]) {
    const days = await strayDays(db, table);
    for (let i = 0; i <= (o.aheadDays ?? AHEAD_DAYS); i++)
      days.push(new Date(today.getTime() + i * DAY_MS));
    const have = new Set((await listPartitions(table, db)).map((p) => p.day.getTime()));
    for (const day of days) {
      if (have.has(day.getTime())) continue;
      if (await createDay(db, table, day)) created.push(partitionName(table, day));
      have.add(day.getTime());
    }
  }
  return created;
}

/** Retention in days per table: MONO_REQUEST_LOG_RETENTION_DAYS and WEBHOOK_EVENT_RETENTION_DAYS. */
export function retentionDays(table: THistoryTable): number {
  return table === "RequestLog"
    ? env.MONO_REQUEST_LOG_RETENTION_DAYS
    : env.WEBHOOK_EVENT_RETENTION_DAYS;
}

/** The oldest instant a table still keeps under its retention. */
export function retentionCutoff(
  table: THistoryTable,
  now = new Date(),
  days = retentionDays(table),
) {
  return new Date(dayStart(now).getTime() - days * DAY_MS);
}

/**
 * Drops every partition whose whole day is older than the cutoff and that no active hold overlaps;
 * for WebhookEvent also the dedupe keys of those days. Returns the partitions dropped and kept.
 */
export async function dropExpiredPartitions(
  o: { now?: Date; days?: Partial<Record<THistoryTable, number>>; db?: Kysely<DB> } = {},
): Promise<{ dropped: string[]; held: string[] }> {
  const db = o.db ?? sqlDb;
  const dropped: string[] = [];
  const held: string[] = [];
  for (const table of Object.keys(HISTORY) as THistoryTable[]) {
    const cutoff = retentionCutoff(table, o.now, o.days?.[table] ?? retentionDays(table));
    for (const p of await listPartitions(table, db)) {
      const end = new Date(p.day.getTime() + DAY_MS);
      if (end > cutoff) continue;
      const hold = await db
        .selectFrom("PartitionHold")
        .select("id")
        .where("tableName", "=", table)
        .where("releasedAt", "is", null)
        .where("fromAt", "<", end)
        .where("toAt", ">", p.day)
        .limit(1)
        .executeTakeFirst();
      if (hold) {
        held.push(p.name);
        continue;
      }
      // Two steps, so lookups never wait for the files to go: DETACH holds the parent's lock only
      // for a catalog change; the DROP of the detached table then frees the day's files without
      // touching the parent. (DETACH … CONCURRENTLY is not allowed next to a DEFAULT partition.)
      await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '5s'`.execute(trx);
        await sql`SELECT ${LOCK}`.execute(trx);
        await sql`ALTER TABLE ${sql.table(table)} DETACH PARTITION ${sql.table(p.name)}`.execute(
          trx,
        );
        if (table === "WebhookEvent")
          await trx
            .deleteFrom("WebhookEventKey")
            .where("receivedAt", ">=", p.day)
            .where("receivedAt", "<", end)
            .execute();
      });
      await sql`DROP TABLE IF EXISTS ${sql.table(p.name)}`.execute(db);
      dropped.push(p.name);
    }
    // A day detached by a run that stopped before its DROP: a table with a day's name that is no
    // longer a partition. Nothing reads it; drop it now.
    for (const name of await detachedDays(table, db)) {
      await sql`DROP TABLE IF EXISTS ${sql.table(name)}`.execute(db);
      dropped.push(name);
    }
  }
  return { dropped, held };
}

/** Tables named like a day of `table` (<table>_pYYYYMMDD) that are not attached to it. */
async function detachedDays(table: THistoryTable, db: Kysely<DB>): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
        AND c.relname ~ ${`^${table}_p[0-9]{8}$`}
        AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Puts a legal hold on a time range of one table (an investigation, an export). */
export async function holdHistory(h: {
  table: THistoryTable;
  from: Date;
  to: Date;
  reason: string;
  createdBy: string;
}): Promise<string> {
  const id = newId("hold");
  await sqlDb
    .insertInto("PartitionHold")
    .values({
      id,
      tableName: h.table,
      fromAt: h.from,
      toAt: h.to,
      reason: h.reason,
      createdBy: h.createdBy,
    })
    .execute();
  return id;
}

/** Releases a hold: its days fall under retention again at the next run. */
export async function releaseHold(id: string): Promise<void> {
  await sqlDb
    .updateTable("PartitionHold")
    .set({ releasedAt: new Date() })
    .where("id", "=", id)
    .where("releasedAt", "is", null)
    .execute();
}
