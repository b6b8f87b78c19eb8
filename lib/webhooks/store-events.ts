import "server-only";
import { pgSql } from "../db-legacy";

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

type TRow = { dedupeKey: string; id: bigint; inserted: boolean; deliveries: number };

async function flush(batch: TPending[]): Promise<void> {
  // One row per dedupe key (a statement may not upsert the same row twice); repeats in the same
  // group count as deliveries.
  const byKey = new Map<string, TPending[]>();
  for (const p of batch) byKey.set(p.row.dedupeKey, [...(byKey.get(p.row.dedupeKey) ?? []), p]);
  const firsts = [...byKey.values()].map((ps) => ps[0].row);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  try {
    // node-pg, not Prisma (pgSql, see lib/db.ts). One column array per parameter, so the
    // statement's text is the same whatever the group's size and is prepared once per connection
    // (lib/pg-client.ts); timestamps travel as ISO strings. Concurrent groups never deadlock on each other: keys are inserted in one
    // sorted order.
    const rows = await pgSql.$queryRaw<TRow[]>`
      INSERT INTO "WebhookEvent" ("dedupeKey", "type", "objectId", "signatureResult", "rawBody", "data", "eventTimestamp", "receivedAt", "deliveries")
      SELECT k, t, o, s, b, d::jsonb, e::timestamptz, r::timestamptz, n
      FROM unnest(${firsts.map((r) => r.dedupeKey)}::text[], ${firsts.map((r) => r.type)}::text[],
        ${firsts.map((r) => r.objectId)}::text[], ${firsts.map((r) => r.signatureResult)}::text[],
        ${firsts.map((r) => r.rawBody)}::text[], ${firsts.map((r) => JSON.stringify(r.data))}::text[],
        ${firsts.map((r) => iso(r.eventTimestamp))}::text[], ${firsts.map((r) => iso(r.receivedAt))}::text[],
        ${[...byKey.values()].map((ps) => ps.length)}::int[]) AS v(k, t, o, s, b, d, e, r, n)
      ORDER BY 1
      ON CONFLICT ("dedupeKey") DO UPDATE SET "deliveries" = "WebhookEvent"."deliveries" + EXCLUDED."deliveries"
      RETURNING "dedupeKey", "id", ("xmax" = 0) AS "inserted", "deliveries"`;
    const byRow = new Map(rows.map((r) => [r.dedupeKey, r]));
    for (const [key, ps] of byKey) {
      const r = byRow.get(key)!;
      ps.forEach((p, i) =>
        p.resolve({
          id: BigInt(r.id),
          inserted: Boolean(r.inserted) && i === 0,
          deliveries: Number(r.deliveries),
        }),
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
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const error = `${UNPROCESSABLE}: the event's data cannot be stored (${problem.message} at ${problem.path}); the raw body is kept`;
  const details = JSON.stringify({ [UNPROCESSABLE]: problem });
  const [r] = await pgSql.$queryRaw<TRow[]>`
    INSERT INTO "WebhookEvent" ("dedupeKey", "type", "objectId", "signatureResult", "rawBody", "data",
      "eventTimestamp", "receivedAt", "deliveries", "processedAt", "processingResult", "processingError", "processingDetails")
    VALUES (${row.dedupeKey}, ${row.type}, ${row.objectId}, ${row.signatureResult}, ${row.rawBody}, '{}'::jsonb,
      ${iso(row.eventTimestamp)}::timestamptz, ${iso(row.receivedAt)}::timestamptz, 1,
      ${iso(row.receivedAt)}::timestamptz, 'error', ${error.slice(0, 1000)}, ${details}::jsonb)
    ON CONFLICT ("dedupeKey") DO UPDATE SET "deliveries" = "WebhookEvent"."deliveries" + 1
    RETURNING "dedupeKey", "id", ("xmax" = 0) AS "inserted", "deliveries"`;
  return { id: BigInt(r.id), inserted: Boolean(r.inserted), deliveries: Number(r.deliveries) };
}
