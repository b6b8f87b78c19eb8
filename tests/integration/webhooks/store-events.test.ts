import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeEvent, type TNewEvent } from "@/lib/webhooks/store-events";

// The receiver's group commit (lib/webhooks/store-events.ts): whatever arrives together is stored
// exactly — any text in the raw body, missing ids and timestamps, millisecond timestamps in UTC —
// and a repeat of the same event inside one group is one row with its deliveries counted.

function event(over: Partial<TNewEvent> = {}): TNewEvent {
  return {
    dedupeKey: `k_${randomUUID()}`,
    type: "payout.updated",
    objectId: `cpout_${randomUUID().slice(0, 8)}`,
    signatureResult: "valid",
    rawBody: "{}",
    data: { id: "x" },
    eventTimestamp: new Date("2026-11-22T10:11:12.345Z"),
    receivedAt: new Date(),
    ...over,
  };
}

describe("storeEvent", () => {
  it("stores any text exactly, and counts a repeat inside one group as a delivery", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // PostgreSQL text cannot hold U+0000 (the receiver refuses such bodies before this point).
            raw: fc
              .string({ unit: "grapheme", maxLength: 60 })
              .map((t) => t.replaceAll("\u0000", "")),
            note: fc.string({ maxLength: 20 }),
            objectId: fc.option(fc.constantFrom("trn_1", "cpout_2"), { nil: null }),
            at: fc.option(
              fc.date({
                min: new Date("2020-01-01"),
                max: new Date("2030-01-01"),
                noInvalidDate: true,
              }),
              { nil: null },
            ),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (specs) => {
          const events = specs.map((s) =>
            event({
              rawBody: `{"x":${JSON.stringify(s.raw)}} \\ "quoted" {a,b} NULL`,
              data: { note: s.note, nested: { list: [1, "two", null] } },
              objectId: s.objectId,
              eventTimestamp: s.at,
            }),
          );
          const repeat = { ...events[0], receivedAt: new Date() };
          // Sent together: they land in one or two groups.
          const stored = await Promise.all([...events, repeat].map((e) => storeEvent(e)));
          expect(stored[0].id).toBe(stored[stored.length - 1].id);
          const rows = await db.webhookEvent.findMany({
            where: { dedupeKey: { in: events.map((e) => e.dedupeKey) } },
          });
          expect(rows).toHaveLength(events.length);
          for (const e of events) {
            const r = rows.find((x) => x.dedupeKey === e.dedupeKey)!;
            expect(r.rawBody).toBe(e.rawBody);
            expect(r.data).toEqual(e.data);
            expect(r.objectId).toBe(e.objectId);
            expect(r.eventTimestamp?.toISOString() ?? null).toBe(
              e.eventTimestamp?.toISOString() ?? null,
            );
            expect(r.receivedAt.toISOString()).toBe(e.receivedAt.toISOString());
          }
          const first = rows.find((x) => x.dedupeKey === events[0].dedupeKey)!;
          expect(first.deliveries).toBe(2);
        },
      ),
      { numRuns: 25 },
    );
  });
});
