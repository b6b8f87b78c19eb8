// POST /api/webhooks/mono through the real route handler: every case asserts the HTTP answer and
// the exact database state afterwards (events, deliveries, rejections, nothing else written).
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, sqlDb } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { getMonoClient } from "@/lib/mono";
import { processWebhookEvent } from "@/lib/webhooks/process-webhook-event";
import { payoutInput, waitFor } from "@/tests/support/operations";
import { callRoute } from "@/tests/support/route";
import { rowCounter } from "@/scripts/suites/lib/fuzz-core";
import * as webhookEventRoute from "@/app/api/webhooks/events/[id]/route";
import * as webhookEventsRoute from "@/app/api/webhooks/events/route";
import {
  deliver,
  delta,
  envelope,
  eventCount,
  fakeId,
  nowSec,
  PREVIOUS,
  rejectionCounts,
  sign,
} from "./helpers";

async function settledPayout() {
  const { user } = await makeUser({ role: "operator" });
  const op = await submitPayout(payoutInput({ method: "co_mono_turbo" }), user, {
    actorId: user.id,
  });
  expect(op.state).toBe("accepted");
  const payout = await waitFor(async () => {
    const p = await getMonoClient().getPayout(op.monoId!);
    return p.state === "settled" ? p : null;
  });
  return { op, payout };
}

function unknownPayoutEvent(over: Record<string, unknown> = {}) {
  return envelope("payout_settled", {
    id: fakeId("cpout"),
    state: "settled",
    external_id: fakeId("ext"),
    updated_at: new Date().toISOString(),
    ...over,
  });
}

describe("webhook receiver: accepted deliveries", () => {
  it("stores a valid event once, answers 200 without processing, and processing settles the operation by reading Mono", async () => {
    const { op, payout } = await settledPayout();
    const raw = envelope("payout_settled", payout as unknown as Record<string, unknown>);
    const before = await rejectionCounts();
    const r = await deliver(raw);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ received: true, duplicate: false, deliveries: 1 });
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { id: BigInt(r.json.event_id as string) },
    });
    expect(ev).toMatchObject({
      type: "payout_settled",
      objectId: payout.id,
      signatureResult: "valid",
      rawBody: raw,
      deliveries: 1,
      processedAt: null,
      processingResult: null,
      operationId: null,
      external: false,
    });
    expect(ev.dedupeKey).toMatch(/^[0-9a-f]{64}$/);
    expect(await delta(before)).toEqual({});
    // the operation is untouched until processing runs
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("accepted");

    const out = await processWebhookEvent(ev.id);
    expect(out).toMatchObject({ result: "applied", operationId: op.id });
    const after = await db.webhookEvent.findUniqueOrThrow({ where: { id: ev.id } });
    expect(after).toMatchObject({
      processingResult: "applied",
      operationId: op.id,
      external: false,
      processingError: null,
    });
    expect(after.processedAt).toBeInstanceOf(Date);
    const row = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(row.state).toBe("settled");
    const audit = await db.auditEvent.findMany({
      where: { targetId: op.id, action: "operation.settled" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorEmail).toBe("system:webhooks");
    // processing again is a no-op
    expect((await processWebhookEvent(ev.id)).result).toBe("skipped");
  });

  it("accepts the previous secret during a rotation and records which one matched", async () => {
    const raw = unknownPayoutEvent();
    const r = await deliver(raw, { signature: sign(raw, { secret: PREVIOUS }) });
    expect(r.status).toBe(200);
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { id: BigInt(r.json.event_id as string) },
    });
    expect(ev.signatureResult).toBe("valid_previous_secret");
  });

  it("tolerates several v1 values and unknown schemes in the header", async () => {
    const raw = unknownPayoutEvent();
    const good = sign(raw);
    const t = good.split(",")[0];
    const r = await deliver(raw, {
      signature: `${t},v0=abc,v1=${"0".repeat(64)},${good.split(",")[1]}`,
    });
    expect(r.status).toBe(200);
  });

  it("the same event delivered ten times is one row with deliveries = 10, every answer 200", async () => {
    const raw = unknownPayoutEvent();
    const before = await eventCount();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await deliver(raw));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.map((a) => a.json.duplicate)).toEqual([false, ...Array(9).fill(true)]);
    expect(new Set(answers.map((a) => a.json.event_id)).size).toBe(1);
    expect(await eventCount()).toBe(before + 1);
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { id: BigInt(answers[0].json.event_id as string) },
    });
    expect(ev.deliveries).toBe(10);
  });

  it("re-signed retries of the same body (Mono re-signs each attempt) are duplicates too; concurrent ones as well", async () => {
    const raw = unknownPayoutEvent();
    const answers = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => deliver(raw, { signature: sign(raw, { t: nowSec() - i * 30 }) })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.json.duplicate === false)).toHaveLength(1);
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { id: BigInt(answers[0].json.event_id as string) },
    });
    expect(ev.deliveries).toBe(5);
  });
});

describe("webhook receiver: refused deliveries store nothing but a counted rejection", () => {
  async function expectRefused(
    raw: string,
    signature: string | null,
    status: number,
    reason: string,
    headers: Record<string, string> = {},
  ) {
    const before = await rejectionCounts();
    const events = await eventCount();
    const r = await deliver(raw, { signature, headers });
    expect(r.status).toBe(status);
    expect(r.json).toMatchObject({ meta: { reason } });
    expect(await eventCount()).toBe(events);
    expect(await delta(before)).toEqual({ [reason]: 1 });
    return r;
  }

  it("tampered body → 401 bad_signature", async () => {
    const raw = unknownPayoutEvent();
    const sig = sign(raw);
    const r = await expectRefused(raw.replace('"settled"', '"failed"'), sig, 401, "bad_signature");
    expect(r.json.code).toBe("unauthenticated");
  });

  it("wrong secret → 401 bad_signature", async () => {
    const raw = unknownPayoutEvent();
    await expectRefused(
      raw,
      sign(raw, { secret: "whsec_somebody_else_123" }),
      401,
      "bad_signature",
    );
  });

  it("stale (301 s old) and future (301 s ahead) timestamps → 401 stale_timestamp; 299 s is fine", async () => {
    const raw = unknownPayoutEvent();
    await expectRefused(raw, sign(raw, { t: nowSec() - 301 }), 401, "stale_timestamp");
    await expectRefused(raw, sign(raw, { t: nowSec() + 301 }), 401, "stale_timestamp");
    expect((await deliver(raw, { signature: sign(raw, { t: nowSec() - 299 }) })).status).toBe(200);
  });

  it("missing header → 401 missing_signature; garbled header → 401 malformed_signature", async () => {
    const raw = unknownPayoutEvent();
    await expectRefused(raw, null, 401, "missing_signature");
    await expectRefused(raw, "garbage", 401, "malformed_signature");
    await expectRefused(raw, "t=abc,v1=zz", 401, "malformed_signature");
    await expectRefused(raw, `t=${nowSec()}`, 401, "malformed_signature");
  });

  it("malformed JSON with a valid signature → 400 malformed_json; a non-envelope → 400 invalid_envelope", async () => {
    const raw = '{"event": {"type": "payout_settled", "data": ';
    await expectRefused(raw, sign(raw), 400, "malformed_json");
    const notEnvelope = JSON.stringify({ hello: "world" });
    await expectRefused(notEnvelope, sign(notEnvelope), 400, "invalid_envelope");
  });

  it("oversized body → 413 too_large, by declared length and by bytes actually read", async () => {
    const big = envelope("payout_settled", {
      id: fakeId("cpout"),
      padding: "x".repeat(1024 * 1024),
    });
    await expectRefused(big, sign(big), 413, "too_large");
    const small = unknownPayoutEvent();
    await expectRefused(small, sign(small), 413, "too_large", {
      "content-length": String(2 * 1024 * 1024),
    });
  });

  it("raises the signature_failures alert once bad signatures pass the threshold (folded)", async () => {
    const raw = unknownPayoutEvent();
    for (let i = 0; i < 6; i++)
      await deliver(raw, { signature: sign(raw, { secret: "whsec_attacker_000000" }) });
    const alert = await db.alert.findFirst({
      where: { foldKey: "signature_failures:webhooks", state: { in: ["open", "acknowledged"] } },
    });
    expect(alert).not.toBeNull();
    expect(
      await db.alert.count({
        where: { foldKey: "signature_failures:webhooks", state: { in: ["open", "acknowledged"] } },
      }),
    ).toBe(1);
  });
});

describe("webhook receiver: a signed body PostgreSQL cannot store", () => {
  // Row counts of every table, before and after: only the expected rows may appear.
  async function tableDelta(fn: () => Promise<unknown>): Promise<Record<string, number>> {
    const counts = await rowCounter(
      async (text) => (await sql.raw<Record<string, unknown>>(text).execute(sqlDb)).rows,
    );
    const before = await counts();
    await fn();
    const after = await counts();
    return Object.fromEntries(
      Object.keys(after)
        .filter((t) => after[t] !== before[t])
        .map((t) => [t, after[t] - before[t]]),
    );
  }

  it("a lone surrogate in the data: 200, kept with its raw body, shown as unprocessable, never processed", async () => {
    const raw = unknownPayoutEvent({ beneficiary: { name: "Proveedor \ud800 SAS" } });
    expect(raw).toContain("\\ud800"); // a JSON escape: the bytes themselves are valid UTF-8
    let r!: Awaited<ReturnType<typeof deliver>>;
    const written = await tableDelta(async () => {
      r = await deliver(raw);
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ received: true, duplicate: false, unprocessable: true });
    expect(written).toEqual({ WebhookEvent: 1, WebhookEventKey: 1 });
    const ev = await db.webhookEvent.findUniqueOrThrow({
      where: { id: BigInt(r.json.event_id as string) },
    });
    expect(ev).toMatchObject({
      type: "payout_settled",
      rawBody: raw,
      data: {},
      deliveries: 1,
      processingResult: "error",
      operationId: null,
    });
    expect(ev.processedAt).toBeInstanceOf(Date);
    expect(ev.processingError).toMatch(/^unprocessable: .*lone UTF-16 surrogate/);
    expect(ev.processingDetails).toEqual({
      unprocessable: {
        path: "/event/data/beneficiary/name",
        message: expect.stringContaining("surrogate"),
      },
    });

    // Mono's retry of the same bytes is a delivery of the same row.
    const again = await deliver(raw);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ event_id: r.json.event_id, duplicate: true, deliveries: 2 });

    // Processing (even forced) leaves it alone.
    const out = await processWebhookEvent(ev.id, { force: true });
    expect(out).toMatchObject({ result: "error", operationId: null });
    const after = await db.webhookEvent.findUniqueOrThrow({ where: { id: ev.id } });
    expect(after.processingResult).toBe("error");
    expect(after.processingError).toBe(ev.processingError);

    // The webhook log lists it among errors, and its detail says why.
    const { user } = await makeUser({ role: "admin" });
    const list = await callRoute(webhookEventsRoute.GET, {
      user,
      path: "/api/webhooks/events?result=error",
    });
    expect(list.status).toBe(200);
    const row = (list.json.events as { id: unknown; processingError: string }[]).find(
      (e) => String(e.id) === r.json.event_id,
    );
    expect(row?.processingError).toMatch(/^unprocessable/);
    const detail = await callRoute(webhookEventRoute.GET, {
      user,
      params: { id: r.json.event_id as string },
    });
    expect(detail.status).toBe(200);
    expect(detail.json.event).toMatchObject({
      processingResult: "error",
      processingError: expect.stringMatching(/^unprocessable/),
    });
  });

  it("a NUL in a key or a value, and data nested too deep, are unprocessable the same way", async () => {
    const nulKey = unknownPayoutEvent({ metadata: { "a\u0000b": "x" } });
    const nulValue = unknownPayoutEvent({ id: "cpout_\u0000" });
    let deep: unknown = "leaf";
    for (let i = 0; i < 3_000; i++) deep = [deep];
    const tooDeep = unknownPayoutEvent({ nested: deep });
    for (const [raw, path] of [
      [nulKey, "/event/data/metadata/a\\u0000b"],
      [nulValue, "/event/data/id"],
      [tooDeep, "/event/data"],
    ] as const) {
      let r!: Awaited<ReturnType<typeof deliver>>;
      expect(
        await tableDelta(async () => {
          r = await deliver(raw);
        }),
      ).toEqual({ WebhookEvent: 1, WebhookEventKey: 1 });
      expect(r.status).toBe(200);
      expect(r.json.unprocessable).toBe(true);
      const ev = await db.webhookEvent.findUniqueOrThrow({
        where: { id: BigInt(r.json.event_id as string) },
      });
      expect(ev).toMatchObject({ rawBody: raw, data: {}, processingResult: "error" });
      expect((ev.processingDetails as { unprocessable: { path: string } }).unprocessable.path).toBe(
        path,
      );
      if (raw === nulValue) expect(ev.objectId).toBe("cpout_\\u0000");
    }
  });

  it("an envelope time PostgreSQL cannot store is dropped; the event is stored and processed as usual", async () => {
    for (const timestamp of [
      "+275760-09-13T00:00:00Z",
      "33658-01-01T00:00:00Z",
      "0000-01-01T00:00:00Z",
    ]) {
      const raw = JSON.stringify({
        event: { type: "payout_settled", data: { id: fakeId("cpout"), state: "settled" } },
        timestamp,
      });
      const r = await deliver(raw);
      expect(r.status, timestamp).toBe(200);
      expect(r.json.unprocessable).toBeUndefined();
      const ev = await db.webhookEvent.findUniqueOrThrow({
        where: { id: BigInt(r.json.event_id as string) },
      });
      expect(ev).toMatchObject({ eventTimestamp: null, processingResult: null, processedAt: null });
    }
  });

  it("unsigned or badly signed, the same body is refused as before and nothing is stored", async () => {
    const raw = unknownPayoutEvent({ beneficiary: { name: "\ud800" } });
    const before = await rejectionCounts();
    const events = await eventCount();
    expect((await deliver(raw, { signature: null })).status).toBe(401);
    expect(
      (await deliver(raw, { signature: sign(raw, { secret: "whsec_nope_000000" }) })).status,
    ).toBe(401);
    expect(await eventCount()).toBe(events);
    expect(await delta(before)).toEqual({ missing_signature: 1, bad_signature: 1 });
  });
});
