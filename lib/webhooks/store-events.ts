import "server-only";
import { sql } from "kysely";
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

async function flush(batch: TPending[]): Promise<void> {
  // One row per dedupe key (a statement may not upsert the same row twice); repeats in the same
  // group count as deliveries.
  const byKey = new Map<string, TPending[]>();
  for (const p of batch) byKey.set(p.row.dedupeKey, [...(byKey.get(p.row.dedupeKey) ?? []), p]);
  const firsts = [...byKey.values()].map((ps) => ps[0].row);
  const col = <T>(f: (r: TNewEvent) => T) => firsts.map(f);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  try {
    // One array parameter per column, unnested into rows, so the statement's text is the same
    // whatever the group's size; timestamps travel as ISO strings in a timestamptz[]. Concurrent
    // groups never deadlock on each other: keys are inserted in one sorted order.
    const rows = await sqlDb
      .insertInto("WebhookEvent")
      .columns([
        "dedupeKey",
        "type",
        "objectId",
        "signatureResult",
        "rawBody",
        "data",
        "eventTimestamp",
        "receivedAt",
        "deliveries",
      ])
      .expression(
        sql`SELECT * FROM unnest(${col((r) => r.dedupeKey)}::text[], ${col((r) => r.type)}::text[],
          ${col((r) => r.objectId)}::text[], ${col((r) => r.signatureResult)}::text[],
          ${col((r) => r.rawBody)}::text[], ${col((r) => JSON.stringify(r.data))}::jsonb[],
          ${col((r) => iso(r.eventTimestamp))}::timestamptz[], ${col((r) => iso(r.receivedAt))}::timestamptz[],
          ${[...byKey.values()].map((ps) => ps.length)}::int[]) ORDER BY 1`,
      )
      .onConflict((oc) =>
        oc.column("dedupeKey").doUpdateSet((eb) => ({
          deliveries: eb("WebhookEvent.deliveries", "+", eb.ref("excluded.deliveries")),
        })),
      )
      .returning(["dedupeKey", "id", INSERTED, "deliveries"])
      .execute();
    const byRow = new Map(rows.map((r) => [r.dedupeKey, r]));
    for (const [key, ps] of byKey) {
      const r = byRow.get(key)!;
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
  const r = await sqlDb
    .insertInto("WebhookEvent")
    .values({
      dedupeKey: row.dedupeKey,
      type: row.type,
      objectId: row.objectId,
      signatureResult: row.signatureResult,
      rawBody: row.rawBody,
      data: jsonb({}),
      eventTimestamp: row.eventTimestamp,
      receivedAt: row.receivedAt,
      deliveries: 1,
      processedAt: row.receivedAt,
      processingResult: "error",
      processingError: error.slice(0, 1000),
      processingDetails: jsonb({ [UNPROCESSABLE]: problem }),
    })
    .onConflict((oc) =>
      oc.column("dedupeKey").doUpdateSet((eb) => ({
        deliveries: eb("WebhookEvent.deliveries", "+", 1),
      })),
    )
    .returning(["id", INSERTED, "deliveries"])
    .executeTakeFirstOrThrow();
  return { id: r.id, inserted: r.inserted, deliveries: r.deliveries };
}
