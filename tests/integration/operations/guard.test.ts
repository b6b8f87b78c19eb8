import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { decideOperation } from "@/lib/operations/decide-operation";
import { editPayout } from "@/lib/operations/edit-payout";
import { sendApprovedBacklog } from "@/lib/operations/send-approved-backlog";
import { updatePolicy } from "@/lib/guard/update-policy";
import { getPolicy } from "@/lib/guard/get-policy";
import { stepUp } from "@/lib/auth/step-up";
import { payoutInput, rejectsWith, sandboxAdmin, COP } from "@/tests/support/operations";

describe("guard: tiers at their exact boundaries (±1 cent)", () => {
  it("COP 1,000,000.00 goes straight out; 1,000,000.01 waits for one approver", async () => {
    const { user } = await makeUser({ role: "operator" });
    expect((await submitPayout(payoutInput({ amount: 1_000_000 * COP }), user, {})).state).toBe(
      "accepted",
    );
    const one = await submitPayout(payoutInput({ amount: 1_000_000 * COP + 1 }), user, {});
    expect([one.state, one.requiredApprovals, one.stepUpRequired]).toEqual([
      "pending_approval",
      1,
      false,
    ]);
  });

  it("20,000,000.01 needs two approvers and step-up; 200,000,000.01 is refused and writes nothing", async () => {
    const { user } = await makeUser({ role: "operator" });
    const two = await submitPayout(payoutInput({ amount: 20_000_000 * COP + 1 }), user, {});
    expect([two.state, two.requiredApprovals, two.stepUpRequired]).toEqual([
      "pending_approval",
      2,
      true,
    ]);
    const before = await db.operation.count();
    await rejectsWith(
      submitPayout(payoutInput({ amount: 200_000_000 * COP + 1 }), user, {}),
      "unprocessable",
      "amount_over_limit",
    );
    expect(await db.operation.count()).toBe(before);
  });
});

describe("guard: daily cap, balance and duplicates", () => {
  it("allows exactly the daily cap and refuses one cent more", async () => {
    const { user } = await makeUser({ role: "operator" });
    // 50,000,000 = 2 × 20,000,000 + 10,000,000 (each waits for approval, but counts towards the cap).
    for (const amt of [20_000_000, 20_000_000, 10_000_000])
      await submitPayout(payoutInput({ amount: amt * COP }), user, {});
    const err = await rejectsWith(
      submitPayout(payoutInput({ amount: 1 }), user, {}),
      "unprocessable",
      "daily_cap_exceeded",
    );
    expect(err.extra.meta?.remaining).toBe(0n);
  });

  it("refuses an amount the source account cannot cover, showing the shortfall, and writes nothing", async () => {
    const { user } = await makeUser({ role: "operator" });
    const created = await sandboxAdmin<{ id: string }>("/ledger/accounts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Casi vacía", available: 300_000 * COP }),
    });
    const before = await db.operation.count();
    // Needed: 299,000 + 2,000 ACH fee + 1,196 GMF (4×1000) = 302,196 → short by 2,196.
    const err = await rejectsWith(
      submitPayout(payoutInput({ sourceAccountId: created.id, amount: 299_000 * COP }), user, {}),
      "unprocessable",
      "insufficient_balance",
    );
    expect(err.extra.meta?.shortfall).toBe(2_196n * BigInt(COP));
    expect(await db.operation.count()).toBe(before);
    const ok = await submitPayout(
      payoutInput({ sourceAccountId: created.id, amount: 200_000 * COP }),
      user,
      {},
    );
    expect(ok.state).toBe("accepted");
  });

  it("flags the same amount to the same beneficiary within 24 h until a reason is typed", async () => {
    const { user } = await makeUser({ role: "operator" });
    const input = payoutInput();
    await submitPayout(input, user, {});
    const err = await rejectsWith(submitPayout(input, user, {}), "conflict", "duplicate_suspected");
    expect((err.extra.meta?.matches as unknown[]).length).toBe(1);
    const again = await submitPayout(
      { ...input, duplicateReason: "Second instalment agreed with the supplier (ticket 881)" },
      user,
      {},
    );
    expect(again.state).toBe("accepted");
    expect(again.duplicateReason).toContain("instalment");
  });
});

describe("maker-checker", () => {
  it("refuses the maker, binds approvals to the fingerprint (an edit voids them), and sends on the last approval", async () => {
    const { user: maker } = await makeUser({ role: "operator" });
    const { user: a1 } = await makeUser({ role: "approver" });
    const { user: a2 } = await makeUser({ role: "approver", password: "approver-two-password" });
    const op = await submitPayout(payoutInput({ amount: 25_000_000 * COP }), maker, {});
    expect(op.requiredApprovals).toBe(2);

    await rejectsWith(
      decideOperation(
        op.id,
        { decision: "approved", fingerprint: op.fingerprint },
        { ...maker, role: "approver" },
        {},
      ),
      "forbidden",
    );
    await rejectsWith(
      decideOperation(op.id, { decision: "approved", fingerprint: op.fingerprint }, a1, {}),
      "step_up_required",
    );
    await rejectsWith(stepUp(a1, "not-my-password", {}), "forbidden");
    await db.user.update({ where: { id: a1.id }, data: { stepUpAt: new Date() } });
    await decideOperation(op.id, { decision: "approved", fingerprint: op.fingerprint }, a1, {});
    await rejectsWith(
      decideOperation(op.id, { decision: "approved", fingerprint: op.fingerprint }, a1, {}),
      "conflict",
    );

    // The maker edits the amount: the first approval no longer counts.
    const edited = await editPayout(
      op.id,
      { amount: 24_000_000 * COP, reason: "Invoice corrected" },
      maker,
      {},
    );
    expect(edited.fingerprint).not.toBe(op.fingerprint);
    expect(edited.state).toBe("pending_approval");
    await rejectsWith(
      decideOperation(op.id, { decision: "approved", fingerprint: op.fingerprint }, a2, {}),
      "state_conflict",
    );
    await stepUp(a2, "approver-two-password", {});
    const afterA2 = await decideOperation(
      op.id,
      { decision: "approved", fingerprint: edited.fingerprint },
      a2,
      {},
    );
    expect(afterA2.state).toBe("pending_approval"); // a1's approval was for the old payload
    expect(afterA2.attemptCount).toBe(0);
  });

  it("a rejection ends it; nothing is sent", async () => {
    const { user: maker } = await makeUser({ role: "operator" });
    const { user: a1 } = await makeUser({ role: "approver" });
    const op = await submitPayout(payoutInput({ amount: 2_000_000 * COP }), maker, {});
    const r = await decideOperation(
      op.id,
      { decision: "rejected", fingerprint: op.fingerprint, comment: "Wrong beneficiary" },
      a1,
      {},
    );
    expect([r.state, r.attemptCount]).toEqual(["rejected", 0]);
  });
});

describe("kill switch", () => {
  it("holds approved operations unsent while on, and sends them once it is off", async () => {
    const { user: admin } = await makeUser({ role: "admin" });
    const { user } = await makeUser({ role: "operator" });
    const p = await getPolicy();
    await updatePolicy(
      { ...p.settings, killSwitch: true },
      { expectedVersion: p.version, reason: "incident drill", ctx: { actorId: admin.id } },
    );
    try {
      const op = await submitPayout(payoutInput(), user, {});
      expect([op.state, op.attemptCount]).toEqual(["approved", 0]);
      expect(await sendApprovedBacklog()).toBe(0);
      const q = await getPolicy();
      await updatePolicy(
        { ...q.settings, killSwitch: false },
        { expectedVersion: q.version, reason: "drill over", ctx: { actorId: admin.id } },
      );
      expect(await sendApprovedBacklog()).toBeGreaterThanOrEqual(1);
      expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe(
        "accepted",
      );
    } finally {
      const q = await getPolicy();
      if (q.settings.killSwitch)
        await updatePolicy(
          { ...q.settings, killSwitch: false },
          { expectedVersion: q.version, reason: "cleanup", ctx: {} },
        );
    }
    const actions = (
      await db.auditEvent.findMany({
        where: { action: { in: ["policy.kill_switch_on", "policy.kill_switch_off"] } },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["policy.kill_switch_on", "policy.kill_switch_off"]),
    );
  });
});
