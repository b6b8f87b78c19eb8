import { randomBytes } from "node:crypto";
import KSUID from "ksuid";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { sqlDb } from "@/lib/db";
import { insertStatement } from "@/lib/mono/request-log-pg";
import {
  dropExpiredPartitions,
  ensurePartitions,
  holdHistory,
  listPartitions,
  partitionName,
} from "@/lib/partitions/maintain";
import { searchById } from "@/lib/search/search-by-id";
import { storeEvent } from "@/lib/webhooks/store-events";
import { requestLogRow } from "@/tests/support/request-log-row";

// Days long past (2015: KSUIDs start in 2014), which no other test writes: rows land in the DEFAULT partition (no day
// partition exists for them), ensurePartitions moves them into their own day, retention drops
// the days (one kept by a legal hold), and a request id of a dropped day answers "kept for N days".
const DAY1 = new Date("2015-03-04T00:00:00Z");
const DAY2 = new Date("2015-03-05T00:00:00Z");
const reqId = (at: Date) => `req_${KSUID.fromParts(at.getTime(), randomBytes(16)).string}`;
const tag = randomBytes(4).toString("hex");

async function countIn(table: string, where: "at" | "receivedAt", day: Date) {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}
      WHERE ${sql.ref(where)} >= ${day.toISOString()}::timestamptz
        AND ${sql.ref(where)} < ${new Date(day.getTime() + 86_400_000).toISOString()}::timestamptz`.execute(
    sqlDb,
  );
  return r.rows[0].n;
}

describe("partitioned history", () => {
  const id1 = reqId(new Date(DAY1.getTime() + 3_600_000));
  const id2 = reqId(new Date(DAY2.getTime() + 3_600_000));

  it("creates today and the days ahead, and the days found in DEFAULT with their rows moved", async () => {
    await ensurePartitions(); // today and ahead, whatever ran before
    const days = (await listPartitions("RequestLog")).map((p) => p.day.getTime());
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    for (let i = 0; i <= 7; i++) expect(days).toContain(today + i * 86_400_000);

    await insertStatement([
      requestLogRow({
        requestId: id1,
        callId: `call_${tag}_1`,
        at: new Date(DAY1.getTime() + 3_600_000),
      }),
      requestLogRow({
        requestId: id2,
        callId: `call_${tag}_2`,
        at: new Date(DAY2.getTime() + 3_600_000),
      }),
    ]).execute(sqlDb);
    const ev = {
      type: "payout.updated",
      objectId: null,
      signatureResult: "valid",
      rawBody: "{}",
      data: {},
      eventTimestamp: null,
      receivedAt: new Date(DAY1.getTime() + 60_000),
    };
    const first = await storeEvent({ ...ev, dedupeKey: `k_${tag}` });
    expect(first.inserted).toBe(true);
    expect(await countIn("RequestLog_default", "at", DAY1)).toBe(1);
    expect(await countIn("WebhookEvent_default", "receivedAt", DAY1)).toBe(1);

    const created = await ensurePartitions();
    expect(created).toEqual(
      expect.arrayContaining([
        partitionName("RequestLog", DAY1),
        partitionName("RequestLog", DAY2),
        partitionName("WebhookEvent", DAY1),
      ]),
    );
    expect(await countIn("RequestLog_default", "at", DAY1)).toBe(0);
    expect(await countIn(partitionName("RequestLog", DAY1), "at", DAY1)).toBe(1);
    expect(await countIn(partitionName("WebhookEvent", DAY1), "receivedAt", DAY1)).toBe(1);

    // Dedupe stays exact across partitions: a redelivery, later, counts on the same row.
    const again = await storeEvent({ ...ev, dedupeKey: `k_${tag}`, receivedAt: new Date() });
    expect(again).toEqual({ id: first.id, inserted: false, deliveries: 2 });

    // The lookup by request id prunes to nothing it does not need and finds the row.
    const found = await searchById(id1, { mono: false });
    expect(found.hits.map((h) => h.id)).toContain(id1);
  });

  it("drops expired days, keeps a held one, and a dropped request answers 'kept for N days'", async () => {
    await holdHistory({
      table: "RequestLog",
      from: new Date(DAY2.getTime() + 1_000),
      to: new Date(DAY2.getTime() + 2_000),
      reason: "investigation export",
      createdBy: "test",
    });
    const { dropped, held } = await dropExpiredPartitions({
      days: { RequestLog: 3650, WebhookEvent: 3650 },
    });
    expect(dropped).toEqual(
      expect.arrayContaining([
        partitionName("RequestLog", DAY1),
        partitionName("WebhookEvent", DAY1),
      ]),
    );
    expect(held).toContain(partitionName("RequestLog", DAY2));
    const names = (await listPartitions("RequestLog")).map((p) => p.name);
    expect(names).not.toContain(partitionName("RequestLog", DAY1));
    expect(names).toContain(partitionName("RequestLog", DAY2));
    const keys = await sqlDb
      .selectFrom("WebhookEventKey")
      .select("dedupeKey")
      .where("dedupeKey", "=", `k_${tag}`)
      .execute();
    expect(keys).toEqual([]);

    const gone = await searchById(id1, { mono: false });
    expect(gone.hits).toEqual([]);
    expect(gone.notes.join(" ")).toMatch(
      /^kept for \d+ days: request req_\w+ was made on 2015-03-04/,
    );
    const kept = await searchById(id2, { mono: false });
    expect(kept.hits.map((h) => h.id)).toContain(id2);
    // A recent id that simply is not there stays "not found": no retention note.
    const unknown = await searchById(reqId(new Date()), { mono: false });
    expect([unknown.hits, unknown.notes]).toEqual([[], []]);
  });

  it("a day left detached by a run that stopped before its DROP is dropped by the next run", async () => {
    const day = new Date("2014-01-02T00:00:00Z");
    const name = partitionName("RequestLog", day);
    await sql`CREATE TABLE ${sql.table(name)} (LIKE "RequestLog" INCLUDING DEFAULTS)`.execute(
      sqlDb,
    );
    const { dropped } = await dropExpiredPartitions({
      days: { RequestLog: 3650, WebhookEvent: 3650 },
    });
    expect(dropped).toContain(name);
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class
        WHERE relname = ${name}`.execute(sqlDb);
    expect(left.rows[0].n).toBe(0);
  });
});
