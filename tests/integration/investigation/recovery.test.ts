import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import { sandboxAdmin } from "@/tests/support/operations";
import * as recoveryRoute from "@/app/api/operations/[id]/recovery/route";
import { createAtMono, stuckPayout, stuckTransfer } from "./helpers";

const HOUR = 3_600_000;
// A distinctive amount keeps the ledger lookup's candidate list short on the shared test account.
const odd = () => 100_000_00 + Math.floor(Math.random() * 900_000_00);

async function verdictOf(id: string) {
  const viewer = (await makeUser({ role: "viewer" })).user;
  const r = await callRoute(recoveryRoute.GET, { user: viewer, params: { id } });
  expect(r.status).toBe(200);
  return r.json as {
    verdict: { code: string; allowed: string[] };
    facts: Record<string, unknown>;
    mono: { presence: string; monoId?: string; evidence: string[] } | null;
  };
}

async function act(
  id: string,
  action: string,
  role: "approver" | "operator" | "viewer" = "approver",
) {
  const { user } = await makeUser({ role });
  return callRoute(recoveryRoute.POST, {
    method: "POST",
    user,
    params: { id },
    body: { action, reason: "Ticket TCK-42: checked with treasury" },
    headers: { "idempotency-key": randomUUID() },
  });
}

describe("safe to retry?", () => {
  it("inside the window, Mono does not have it → retry with the same key: one payout at Mono, audited", async () => {
    const { op } = await stuckPayout({
      state: "needs_attention",
      firstSentAt: new Date(Date.now() - HOUR),
      amount: odd(),
    });
    const v = await verdictOf(op.id);
    expect(v.verdict.code).toBe("retry_same_key");
    expect(v.mono?.presence).toBe("no");
    expect(v.verdict.allowed).toEqual(["retry_same_key", "reconcile", "mark_failed"]);

    expect((await act(op.id, "retry_same_key", "operator")).status).toBe(403);
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe(
      "needs_attention",
    );

    const r = await act(op.id, "retry_same_key");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ action: "retry_same_key", outcome: "accepted" });
    const after = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(after.state).toBe("accepted");
    const sent = await db.requestLog.findMany({ where: { operationId: op.id, method: "POST" } });
    expect(sent.every((s) => s.idempotencyKey === op.idempotencyKey)).toBe(true);
    expect(
      (await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${op.externalId}`)).payouts,
    ).toBe(1);
    const audit = await db.auditEvent.findMany({
      where: { targetId: op.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["operation.retry_requested", "operation.accepted"]),
    );
  });

  it("Mono already has it (found by external_id in its ledger) → reconcile first: recorded as accepted, never resent", async () => {
    const { op, monoRequest } = await stuckPayout({
      state: "needs_attention",
      firstSentAt: new Date(Date.now() - 2 * HOUR),
      amount: odd(),
    });
    const payout = await createAtMono(monoRequest);
    const v = await verdictOf(op.id);
    expect(v.verdict).toMatchObject({ code: "already_at_mono", allowed: ["reconcile"] });
    expect(v.mono).toMatchObject({ presence: "yes", monoId: payout.id });

    const refused = await act(op.id, "retry_same_key");
    expect([refused.status, refused.json.code]).toEqual([409, "state_conflict"]);
    expect((await act(op.id, "mark_failed")).status).toBe(409);

    const r = await act(op.id, "reconcile");
    expect(r.status).toBe(200);
    expect(r.json.outcome).toBe("recorded_as_accepted");
    const after = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(after.monoId).toBe(payout.id);
    expect(["accepted", "settled"]).toContain(after.state);
    expect(
      (await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${op.externalId}`)).payouts,
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { targetId: op.id, action: "operation.recorded_from_mono" },
      }),
    ).toBe(1);
  });

  it("outside the 24 h window → reconcile first; once Mono says it does not have it, mark failed with a reason", async () => {
    const { op } = await stuckPayout({
      state: "needs_attention",
      firstSentAt: new Date(Date.now() - 25 * HOUR),
      amount: odd(),
    });
    const v = await verdictOf(op.id);
    expect(v.verdict.code).toBe("reconcile_first");
    expect(v.facts.insideWindow).toBe(false);
    expect(v.verdict.allowed).toContain("mark_failed");

    const check = await act(op.id, "reconcile");
    expect(check.json.outcome).toBe("not_at_mono");
    const r = await act(op.id, "mark_failed");
    expect(r.status).toBe(200);
    const after = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect([after.state, after.lastErrorCode]).toEqual(["failed", "marked_failed"]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { targetId: op.id, action: "operation.marked_failed" },
    });
    expect(audit.details).toMatchObject({
      reason: "Ticket TCK-42: checked with treasury",
      nothingMoved: true,
    });
    expect(
      await db.auditEvent.count({
        where: { targetId: op.id, action: "operation.reconcile_checked" },
      }),
    ).toBe(1);
  });

  it("a send in flight (live lease) is left alone; settled operations have nothing to recover", async () => {
    const { op } = await stuckPayout({
      state: "sending",
      lockedUntil: new Date(Date.now() + 60_000),
      amount: odd(),
    });
    expect((await verdictOf(op.id)).verdict).toMatchObject({ code: "in_flight", allowed: [] });
    expect((await act(op.id, "mark_failed")).status).toBe(409);
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("sending");

    const done = await stuckPayout({ state: "settled" });
    expect((await verdictOf(done.op.id)).verdict.code).toBe("not_applicable");
  });

  it("stuck in sending with an expired lease → retry resumes it with the same key", async () => {
    const { op } = await stuckPayout({
      state: "sending",
      lockedUntil: new Date(Date.now() - 1_000),
      amount: odd(),
    });
    expect((await verdictOf(op.id)).verdict.code).toBe("retry_same_key");
    const r = await act(op.id, "retry_same_key");
    expect(r.json.outcome).toBe("accepted");
  });

  it("a bank transfer Mono already has (GET /v1/transfers?external_id=) is reconciled with its trn_ ids; one it lacks may be retried", async () => {
    const { op, batch } = await stuckTransfer({ atMono: true });
    const v = await verdictOf(op.id);
    expect(v.verdict.code).toBe("already_at_mono");
    expect(v.mono?.monoId).toBe(batch!.batch.id);
    expect((await act(op.id, "reconcile")).json.outcome).toBe("recorded_as_accepted");
    const item = await db.operationItem.findFirstOrThrow({ where: { operationId: op.id } });
    expect(item.monoTransferId).toBe(batch!.transfers[0].id);

    const missing = await stuckTransfer({ atMono: false });
    const v2 = await verdictOf(missing.op.id);
    expect(v2.verdict.code).toBe("retry_same_key");
    expect(v2.mono?.presence).toBe("no");
  });
});
