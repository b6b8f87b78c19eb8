import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import * as searchRoute from "@/app/api/search/route";
import * as timelineRoute from "@/app/api/operations/[id]/timeline/route";
import * as evidenceRoute from "@/app/api/operations/[id]/evidence/route";
import type { TTimelineEvent } from "@/lib/investigation/build-timeline";
import { retriedPayout } from "./helpers";

type TEvent = Omit<TTimelineEvent, "at"> & { at: string };

describe("a payout that needed a retry, investigated from the log_ id of its first attempt", () => {
  it("search finds it; the timeline shows both attempts, the delay before the second and why", async () => {
    const { op, user } = await retriedPayout();
    expect(op.state).toBe("accepted");
    const attempts = await db.requestLog.findMany({
      where: { operationId: op.id, method: "POST" },
      orderBy: { at: "asc" },
    });
    expect(attempts.map((a) => a.status)).toEqual([503, 201]);
    const firstLogId = attempts[0].monoLogId!;
    expect(firstLogId).toMatch(/^log_/);

    const viewer = (await makeUser({ role: "viewer" })).user;
    const found = await callRoute(searchRoute.GET, {
      user: viewer,
      path: `/api/search?q=${encodeURIComponent(` ${firstLogId} `)}`,
    });
    expect(found.status).toBe(200);
    expect(found.json.recognised).toMatchObject({ ok: true, kind: "mono_log_id" });
    const hits = found.json.hits as { kind: string; id: string; href: string }[];
    expect(hits).toContainEqual(
      expect.objectContaining({
        kind: "request",
        id: attempts[0].requestId,
        href: `/requests/${attempts[0].requestId}`,
      }),
    );
    expect(hits).toContainEqual(
      expect.objectContaining({ kind: "operation", id: op.id, href: `/operations/${op.id}` }),
    );

    const t = await callRoute(timelineRoute.GET, { user: viewer, params: { id: op.id } });
    expect(t.status).toBe(200);
    const events = t.json.events as TEvent[];
    const times = events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(events[0]).toMatchObject({
      kind: "created",
      actor: user.email,
      details: expect.objectContaining({ reason: op.reason, ticketRef: op.ticketRef }),
    });
    expect(events.some((e) => e.kind === "policy")).toBe(true);
    const writes = events.filter((e) => e.kind === "attempt");
    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatchObject({
      ids: {
        requestId: attempts[0].requestId,
        monoLogId: firstLogId,
        idempotencyKey: op.idempotencyKey,
      },
      details: { status: 503, attempt: 1, delayBeforeMs: 0 },
      title: `Attempt 1: POST /v1/core/payouts → 503 ${attempts[0].errorCode}`,
      titleCode: "attempt",
      titleParams: {
        attempt: 1,
        endpoint: "POST /v1/core/payouts",
        status: `503 ${attempts[0].errorCode}`,
      },
    });
    expect(writes[1].details).toMatchObject({
      status: 201,
      attempt: 2,
      delayReason: "exponential backoff with jitter",
      delayReasonCode: "backoff",
    });
    expect(writes[1].details.delayBeforeMs as number).toBeGreaterThanOrEqual(1_000);
    expect(writes[1].details.observedGapMs as number).toBeGreaterThanOrEqual(900);
    expect(
      events.some(
        (e) =>
          e.kind === "state" &&
          e.title === "Accepted" &&
          e.titleCode === "audit.operation.accepted",
      ),
    ).toBe(true);
  });

  it("the evidence bundle carries the log_ ids, request ids and key, masks PII, and is audited", async () => {
    const { op } = await retriedPayout();
    const viewer = (await makeUser({ role: "viewer" })).user;
    const r = await callRoute(evidenceRoute.GET, { user: viewer, params: { id: op.id } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-disposition")).toContain(`evidence-${op.id}.json`);
    const logs = await db.requestLog.findMany({
      where: { operationId: op.id },
      select: { requestId: true, monoLogId: true },
    });
    expect(r.json.monoLogIds).toEqual(expect.arrayContaining(logs.map((l) => l.monoLogId)));
    expect(r.json.requestIds).toEqual(expect.arrayContaining(logs.map((l) => l.requestId)));
    expect(r.json.idempotencyKeys).toEqual([op.idempotencyKey]);
    const text = JSON.stringify(r.json);
    const target = op.target as { accountNumber: string; documentNumber: string };
    expect(text).not.toContain(target.accountNumber);
    expect(text).not.toContain(target.documentNumber);
    expect(text).toContain(target.accountNumber.slice(-4));
    const audit = await db.auditEvent.findFirst({
      where: { targetId: op.id, action: "operation.evidence_exported" },
    });
    expect(audit?.actorId).toBe(viewer.id);
  });

  it("an unknown operation is a 404, not an empty timeline", async () => {
    const viewer = (await makeUser({ role: "viewer" })).user;
    const r = await callRoute(timelineRoute.GET, {
      user: viewer,
      params: { id: "op_0000000000000000000000" },
    });
    expect([r.status, r.json.code]).toEqual([404, "not_found"]);
  });
});
