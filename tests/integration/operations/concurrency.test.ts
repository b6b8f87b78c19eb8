import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import * as payoutsRoute from "@/app/api/operations/payouts/route";
import { payoutInput, sandboxAdmin } from "@/tests/support/operations";

describe("never pays twice under concurrency", () => {
  it("50 concurrent submissions with one Idempotency-Key → one operation, one Mono payout", async () => {
    const { user } = await makeUser({ role: "operator" });
    const key = randomUUID();
    const body = payoutInput();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        callRoute(payoutsRoute.POST, {
          method: "POST",
          user,
          body,
          headers: { "idempotency-key": key },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.json.code).toBe("idempotency_key_in_use");
    const ids = new Set(
      results.filter((r) => r.status === 201).map((r) => (r.json.operation as { id: string }).id),
    );
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const op = await db.operation.findUniqueOrThrow({ where: { id } });
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
    expect(
      (await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${op.externalId}`)).payouts,
    ).toBe(1);

    // A later replay returns the stored answer, marked as such; another payload is refused.
    const replay = await callRoute(payoutsRoute.POST, {
      method: "POST",
      user,
      body,
      headers: { "idempotency-key": key },
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const reused = await callRoute(payoutsRoute.POST, {
      method: "POST",
      user,
      body: { ...body, amount: body.amount + 1 },
      headers: { "idempotency-key": key },
    });
    expect([reused.status, reused.json.code]).toEqual([422, "idempotency_key_reused"]);
    const missing = await callRoute(payoutsRoute.POST, { method: "POST", user, body });
    expect([missing.status, missing.json.code]).toEqual([400, "idempotency_key_missing"]);
    expect(await db.operation.count({ where: { reason: body.reason } })).toBe(1);
  });

  it("50 concurrent different-key submissions of the same payout → one goes out, the duplicate detector stops 49", async () => {
    const { user } = await makeUser({ role: "operator" });
    const body = payoutInput();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        callRoute(payoutsRoute.POST, {
          method: "POST",
          user,
          body,
          headers: { "idempotency-key": randomUUID() },
        }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const dupes = results.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(dupes).toHaveLength(49);
    for (const d of dupes)
      expect((d.json.meta as { reason: string }).reason).toBe("duplicate_suspected");
    const { duplicates } = await sandboxAdmin<{ duplicates: unknown[] }>("/duplicates");
    expect(duplicates).toEqual([]);
  });
});
