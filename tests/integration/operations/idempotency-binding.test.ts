import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { claimInboundRequest, releaseInboundRequest, requestHashOf } from "@/lib/api/idempotency";
import { submitPayout } from "@/lib/operations/submit-payout";
import { ZPayoutInput, type TPayoutInput } from "@/lib/operations/schemas";
import { POST as postPayout } from "@/app/api/operations/payouts/route";
import { callRoute } from "@/tests/support/route";
import { payoutInput, rejectsWith, sandboxAdmin } from "@/tests/support/operations";

// The console's Idempotency-Key is bound to the operation it created, in the operation's own
// transaction: whatever happened to the first run, a retry with the same key and body never
// creates a second operation, and never a second payout at Mono.
const ROUTE = "POST /api/operations/payouts";

async function operator() {
  return (await makeUser({ role: "operator" })).user;
}

function claimFor(userId: string, key: string, body: TPayoutInput) {
  const parsed = ZPayoutInput.parse(body);
  return claimInboundRequest({
    userId,
    key,
    route: ROUTE,
    requestHash: requestHashOf(ROUTE, parsed),
  });
}

const retry = (user: Awaited<ReturnType<typeof operator>>, key: string, body: TPayoutInput) =>
  callRoute(postPayout, {
    method: "POST",
    path: "/api/operations/payouts",
    user,
    body,
    headers: { "idempotency-key": key, origin: "http://localhost:3000" },
  });

async function monoPayouts(externalId: string) {
  return (await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${externalId}`)).payouts;
}

describe("Idempotency-Key bound to its operation", () => {
  it("a 5xx after the operation committed keeps the key: the retry resumes, it does not pay again", async () => {
    const user = await operator();
    const key = randomUUID();
    const body = payoutInput();
    const claim = await claimFor(user.id, key, body);
    expect(claim.kind).toBe("new");
    if (claim.kind !== "new") return;
    const op = await submitPayout(body, user, {}, { inbound: claim.inbound });
    expect(op.state).toBe("accepted");
    await releaseInboundRequest(claim.inbound); // what a 5xx answer does
    const row = await db.inboundRequest.findUniqueOrThrow({ where: { id: claim.inbound.id } });
    expect([row.operationId, row.recoveryPoint, row.state]).toEqual([op.id, "bound", "in_flight"]);

    const r = await retry(user, key, body);
    expect(r.status).toBe(201);
    expect(r.headers.get("idempotent-resumed")).toBe("true");
    expect((r.json.operation as { id: string }).id).toBe(op.id);
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
    expect(await monoPayouts(op.externalId)).toBe(1);
    // …and from now on the stored answer is replayed.
    const again = await retry(user, key, body);
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
  });

  it("a key that created nothing is released by a 5xx: the retry runs the request once", async () => {
    const user = await operator();
    const key = randomUUID();
    const body = payoutInput();
    const claim = await claimFor(user.id, key, body);
    if (claim.kind !== "new") throw new Error("expected a new claim");
    await releaseInboundRequest(claim.inbound);
    expect(await db.inboundRequest.count({ where: { id: claim.inbound.id } })).toBe(0);
    const r = await retry(user, key, body);
    expect(r.status).toBe(201);
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
  });

  it("an expired lease on a bound key is taken over by exactly one of 10 concurrent retries", async () => {
    const user = await operator();
    const key = randomUUID();
    const body = payoutInput();
    const claim = await claimFor(user.id, key, body);
    if (claim.kind !== "new") throw new Error("expected a new claim");
    const op = await submitPayout(body, user, {}, { inbound: claim.inbound });
    // The first process died holding the key: its lease simply runs out.
    await db.inboundRequest.update({
      where: { id: claim.inbound.id },
      data: { lockedUntil: new Date(Date.now() - 1_000) },
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => retry(user, key, body)));
    const statuses = answers.map((a) => a.status).sort();
    const created = answers.filter((a) => a.status === 201);
    expect(created.length, JSON.stringify(statuses)).toBeGreaterThanOrEqual(1);
    expect(created.filter((a) => a.headers.get("idempotent-resumed") === "true")).toHaveLength(1);
    for (const a of answers)
      if (a.status !== 201) expect(a.json.code).toBe("idempotency_key_in_use");
    for (const a of created) expect((a.json.operation as { id: string }).id).toBe(op.id);
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
    expect(await monoPayouts(op.externalId)).toBe(1);
  });

  it("a holder whose lease was taken over cannot bind: its operation rolls back, nothing is written", async () => {
    const user = await operator();
    const key = randomUUID();
    const body = payoutInput();
    const first = await claimFor(user.id, key, body);
    if (first.kind !== "new") throw new Error("expected a new claim");
    await db.inboundRequest.update({
      where: { id: first.inbound.id },
      data: { lockedUntil: new Date(Date.now() - 1_000) },
    });
    const second = await claimFor(user.id, key, body);
    expect(second.kind).toBe("new"); // nothing was bound yet: the request runs, under a new lease
    if (second.kind !== "new") return;
    expect(second.inbound.token).not.toBe(first.inbound.token);
    const auditBefore = await db.auditEvent.count();
    await rejectsWith(
      submitPayout(body, user, {}, { inbound: first.inbound }),
      "idempotency_key_in_use",
    );
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(auditBefore);
    const op = await submitPayout(body, user, {}, { inbound: second.inbound });
    expect(op.state).toBe("accepted");
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
  });

  it("the same key with another body is refused, bound or not", async () => {
    const user = await operator();
    const key = randomUUID();
    const body = payoutInput();
    expect((await retry(user, key, body)).status).toBe(201);
    const other = await retry(user, key, { ...body, duplicateReason: "Paying again on purpose" });
    expect([other.status, other.json.code]).toEqual([422, "idempotency_key_reused"]);
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
  });
});
