import "server-only";
import { sql, type Insertable } from "kysely";
import type { WebhookEvent } from "@/generated/kysely/types";
import { jsonb, sqlDb } from "../db";

// Accepted events are written with group commit: every delivery still waits for the commit of its
// own row before its 2xx (nothing is acknowledged that is not durable), but deliveries that
// arrive while a flush is in flight are inserted together by the next one — one multi-row INSERT
// and one commit (one fsync) for the whole group. Idle: a row is flushed alone, at once. Same
// approach as the Mono request log (lib/mono/request-log-pg.ts); a commit costs ~10 ms on the dev
// box's disk, which alone capped one-row-per-commit near 100 deliveries/s per connection.

export type TNewEvent = {
  dedupeKey: string;
  type: string;
  objectId: string | null;
  signatureResult: string;
  rawBody: string;
  data: unknown;
  eventTimestamp: Date | null;
  receivedAt: Date;
};
export type TStored = { id: bigint; inserted: boolean; deliveries: number };

type TPending = { row: TNewEvent; resolve: (s: TStored) => void; reject: (e: unknown) => void };

const MAX_BATCH = 250;
const MAX_FLUSHES = 2;
let queue: TPending[] = [];
let flushing = 0;

export function storeEvent(row: TNewEvent): Promise<TStored> {
  return new Promise<TStored>((resolve, reject) => {
    queue.push({ row, resolve, reject });
    pump();
  });
}

function pump(): void {
  while (flushing < MAX_FLUSHES && queue.length > 0) {
    const batch = queue.slice(0, MAX_BATCH);
    queue = queue.slice(MAX_BATCH);
    flushing++;
    void flush(batch).finally(() => {
      flushing--;
      pump();
    });
  }
}

// "xmax" = 0 only on a row this statement inserted (an upserted row carries our xid in xmax).
const INSERTED = sql<boolean>`("xmax" = 0)`.as("inserted");

type TEventValues = Insertable<WebhookEvent> & { dedupeKey: string; receivedAt: Date };

/**
 * Stores events exactly once per dedupe key, whatever the instance (WebhookEvent is partitioned by
 * day, so its own unique index cannot cover the key across days: WebhookEventKey's primary key
 * does). One transaction: (1) the keys are inserted in one sorted order (concurrent groups never
 * deadlock); an existing key is locked by its ON CONFLICT update, which waits for the transaction
 * that inserted it to commit, and says on which day its event lives; (2) new keys' events are
 * inserted; (3) repeated keys' events count the deliveries, found with their day, so one partition
 * is touched. Statement (3) runs after (1) took the key's lock, so it sees the committed event.
 */
async function upsertEvents(
  rows: TEventValues[],
  counts: number[],
): Promise<Map<string, { id: bigint; inserted: boolean; deliveries: number }>> {
  return sqlDb.transaction().execute(async (trx) => {
    const keys = await trx
      .insertInto("WebhookEventKey")
      .expression(
        sql`SELECT * FROM unnest(${rows.map((r) => r.dedupeKey)}::text[],
          ${rows.map((r) => r.receivedAt.toISOString())}::timestamptz[]) ORDER BY 1`,
      )
      .onConflict((oc) =>
        oc.column("dedupeKey").doUpdateSet({ dedupeKey: (eb) => eb.ref("excluded.dedupeKey") }),
      )
      .returning(["dedupeKey", "receivedAt", INSERTED])
      .execute();
    const isNew = new Set(keys.filter((k) => k.inserted).map((k) => k.dedupeKey));
    const count = new Map(rows.map((r, i) => [r.dedupeKey, counts[i]]));
    const out = new Map<string, { id: bigint; inserted: boolean; deliveries: number }>();
    const fresh = rows.filter((r) => isNew.has(r.dedupeKey));
    if (fresh.length) {
      const ins = await trx
        .insertInto("WebhookEvent")
        .values(fresh.map((r) => ({ ...r, deliveries: count.get(r.dedupeKey)! })))
        .returning(["dedupeKey", "id", "deliveries"])
        .execute();
      for (const r of ins)
        out.set(r.dedupeKey, { id: r.id, inserted: true, deliveries: r.deliveries });
    }
    const again = keys.filter((k) => !k.inserted);
    if (again.length) {
      const upd = await sql<{
        dedupeKey: string;
        id: bigint;
        deliveries: number;
      }>`UPDATE "WebhookEvent" w
          SET "deliveries" = w."deliveries" + u.n
          FROM unnest(${again.map((k) => k.dedupeKey)}::text[],
            ${again.map((k) => new Date(k.receivedAt).toISOString())}::timestamptz[],
            ${again.map((k) => count.get(k.dedupeKey)!)}::int[]) AS u(k, at, n)
          WHERE w."dedupeKey" = u.k AND w."receivedAt" = u.at
          RETURNING w."dedupeKey", w."id", w."deliveries"`.execute(trx);
      for (const r of upd.rows)
        out.set(r.dedupeKey, { id: r.id, inserted: false, deliveries: r.deliveries });
    }
    return out;
  });
}

async function flush(batch: TPending[]): Promise<void> {
  // One row per dedupe key (a statement may not upsert the same row twice); repeats in the same
  // group count as deliveries.
  const byKey = new Map<string, TPending[]>();
  for (const p of batch) byKey.set(p.row.dedupeKey, [...(byKey.get(p.row.dedupeKey) ?? []), p]);
  try {
    const firsts = [...byKey.values()].map((ps) => ps[0].row);
    const byRow = await upsertEvents(
      firsts.map((r) => ({
        dedupeKey: r.dedupeKey,
        type: r.type,
        objectId: r.objectId,
        signatureResult: r.signatureResult,
        rawBody: r.rawBody,
        data: jsonb(r.data),
        eventTimestamp: r.eventTimestamp,
        receivedAt: r.receivedAt,
      })),
      [...byKey.values()].map((ps) => ps.length),
    );
    for (const [key, ps] of byKey) {
      const r = byRow.get(key);
      if (!r) throw new Error(`webhook event ${key} was neither inserted nor found`);
      ps.forEach((p, i) =>
        p.resolve({ id: r.id, inserted: r.inserted && i === 0, deliveries: r.deliveries }),
      );
    }
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
}

// A correctly signed event whose data PostgreSQL cannot store (a lone surrogate or NUL in a string
// or key, or nesting too deep to serialise): acknowledged and kept, never a 500 — Mono would retry
// it for hours. The raw body is stored as received (it is valid UTF-8 and holds those characters
// only as JSON escapes), `data` as an empty object, and the row is stored already processed with
// processingResult "error" and the reason, so the webhook log shows it and no drain processes it.
// Rare by nature: one statement per event, outside the group commit above.
export const UNPROCESSABLE = "unprocessable";

export async function storeUnprocessableEvent(
  row: Omit<TNewEvent, "data">,
  problem: { path: string; message: string },
): Promise<TStored> {
  const error = `${UNPROCESSABLE}: the event's data cannot be stored (${problem.message} at ${problem.path}); the raw body is kept`;
  const byRow = await upsertEvents(
    [
      {
        dedupeKey: row.dedupeKey,
        type: row.type,
        objectId: row.objectId,
        signatureResult: row.signatureResult,
        rawBody: row.rawBody,
        data: jsonb({}),
        eventTimestamp: row.eventTimestamp,
        receivedAt: row.receivedAt,
        processedAt: row.receivedAt,
        processingResult: "error",
        processingError: error.slice(0, 1000),
        processingDetails: jsonb({ [UNPROCESSABLE]: problem }),
      },
    ],
    [1],
  );
  const r = byRow.get(row.dedupeKey);
  if (!r) throw new Error(`webhook event ${row.dedupeKey} was neither inserted nor found`);
  return { id: r.id, inserted: r.inserted, deliveries: r.deliveries };
}
