import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { pollSettlements } from "@/lib/operations/poll-settlements";
import { payoutInput, sandboxAdmin, waitFor, COP } from "@/tests/support/operations";

describe("write path: payouts", () => {
  it("sends a payout under the no-approval tier once, and settles it by reading Mono back", async () => {
    const { user } = await makeUser({ role: "operator" });
    const op = await submitPayout(payoutInput(), user, { actorId: user.id });
    expect(op.state).toBe("accepted");
    expect(op.monoId).toMatch(/^cpout_/);
    expect(op.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const settled = await waitFor(async () => {
      await pollSettlements();
      const row = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
      return row.state === "settled" ? row : null;
    });
    expect(settled.monoSourceAmount).toBeGreaterThan(settled.amount);
    const counts = await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${op.externalId}`);
    expect(counts.payouts).toBe(1);
    const logs = await db.requestLog.findMany({ where: { operationId: op.id } });
    expect(logs.some((l) => l.idempotencyKey === op.idempotencyKey && l.method === "POST")).toBe(
      true,
    );
    const actions = (
      await db.auditEvent.findMany({ where: { targetId: op.id }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["operation.created", "operation.accepted", "operation.settled"]);
  });

  it("holds a payout over COP 1,000,000 for one approver", async () => {
    const { user } = await makeUser({ role: "operator" });
    const op = await submitPayout(payoutInput({ amount: 1_000_000 * COP + 1 }), user, {});
    expect(op.state).toBe("pending_approval");
    expect(op.requiredApprovals).toBe(1);
    expect(op.attemptCount).toBe(0);
  });
});
