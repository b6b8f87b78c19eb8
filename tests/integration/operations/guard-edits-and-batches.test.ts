import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { editPayout } from "@/lib/operations/edit-payout";
import {
  beneficiary,
  payoutInput,
  rejectsWith,
  transfersInput,
  COP,
} from "@/tests/support/operations";

// One guard for every change of money: an edit is judged like a new submission, and every row of
// a transfer batch passes the duplicate detector (against its batch and recent operations).
const operator = async () => (await makeUser({ role: "operator" })).user;

describe("guard: an edit is judged like a new submission", () => {
  it("editing a waiting payout into a duplicate of a sent one needs a reason", async () => {
    const user = await operator();
    const to = beneficiary();
    const sent = await submitPayout(payoutInput({ amount: 503_299_52, beneficiary: to }), user, {});
    expect(sent.state).toBe("accepted");
    const waiting = await submitPayout(
      payoutInput({ amount: 1_050_000 * COP, beneficiary: to }),
      user,
      {},
    );
    expect(waiting.state).toBe("pending_approval");
    const err = await rejectsWith(
      editPayout(waiting.id, { amount: 503_299_52, reason: "typo" }, user, {}),
      "conflict",
      "duplicate_suspected",
    );
    expect(err.extra.errors?.[0]?.path).toBe("/duplicateReason");
    const unchanged = await db.operation.findUniqueOrThrow({ where: { id: waiting.id } });
    expect([unchanged.amount, unchanged.state]).toEqual([1_050_000n * 100n, "pending_approval"]);

    const edited = await editPayout(
      waiting.id,
      { amount: 503_299_52, reason: "typo", duplicateReason: "Second instalment, same amount" },
      user,
      {},
    );
    expect(edited.duplicateReason).toBe("Second instalment, same amount");
    expect(edited.state).toBe("accepted");
  });

  it("editing a payout over the operator's daily cap is refused with daily_cap_exceeded", async () => {
    const user = await operator();
    await rejectsWith(
      submitPayout(payoutInput({ amount: 60_000_000 * COP }), user, {}),
      "unprocessable",
      "daily_cap_exceeded",
    );
    const small = await submitPayout(payoutInput({ amount: 1_050_000 * COP }), user, {});
    await rejectsWith(
      editPayout(small.id, { amount: 60_000_000 * COP, reason: "bigger" }, user, {}),
      "unprocessable",
      "daily_cap_exceeded",
    );
    const row = await db.operation.findUniqueOrThrow({ where: { id: small.id } });
    expect([row.amount, row.requiredApprovals]).toEqual([1_050_000n * 100n, 1]);
    // The payout does not count against itself: editing it up to the cap's edge is allowed.
    const atCap = await editPayout(
      small.id,
      { amount: 50_000_000 * COP, reason: "full" },
      user,
      {},
    );
    expect(atCap.amount).toBe(50_000_000n * 100n);
  });

  it("an edit into another tier takes that tier's approvals, in either direction", async () => {
    const user = await operator();
    const op = await submitPayout(payoutInput({ amount: 1_050_000 * COP }), user, {});
    expect([op.requiredApprovals, op.stepUpRequired]).toEqual([1, false]);
    const bigger = await editPayout(op.id, { amount: 25_000_000 * COP, reason: "more" }, user, {});
    expect([bigger.state, bigger.requiredApprovals, bigger.stepUpRequired]).toEqual([
      "pending_approval",
      2,
      true,
    ]);
    expect(bigger.fingerprint).not.toBe(op.fingerprint); // approvals bind to it: earlier ones are void
    const smaller = await editPayout(op.id, { amount: 900_000 * COP, reason: "less" }, user, {});
    expect([smaller.requiredApprovals, smaller.state]).toEqual([0, "accepted"]);
  });
});

describe("guard: duplicates inside and across transfer batches", () => {
  it("two rows of one batch paying the same account the same amount: the second needs its own reason", async () => {
    const user = await operator();
    const to = beneficiary();
    const input = transfersInput([
      { amount: 100_000 * COP, beneficiary: to },
      { amount: 80_000 * COP },
      { amount: 100_000 * COP, beneficiary: to },
    ]);
    const before = await db.operation.count();
    const err = await rejectsWith(
      submitTransfers(input, user, {}),
      "conflict",
      "duplicate_suspected",
    );
    expect(err.extra.errors?.map((e) => e.path)).toEqual(["/rows/2/duplicateReason"]);
    expect(err.extra.errors?.[0]?.message).toMatch(/row 1/);
    expect(await db.operation.count()).toBe(before);

    input.rows[2] = { ...input.rows[2], duplicateReason: "Two invoices of the same amount" };
    const op = await submitTransfers(input, user, {});
    const items = await db.operationItem.findMany({
      where: { operationId: op.id },
      orderBy: { position: "asc" },
    });
    expect(items.map((i) => i.duplicateReason)).toEqual([
      null,
      null,
      "Two invoices of the same amount",
    ]);
  });

  it("a batch row that repeats a recent payout, and a payout that repeats a recent batch row, are flagged", async () => {
    const user = await operator();
    const to = beneficiary();
    await submitPayout(payoutInput({ amount: 90_000 * COP, beneficiary: to }), user, {});
    const err = await rejectsWith(
      submitTransfers(
        transfersInput([{ amount: 70_000 * COP }, { amount: 90_000 * COP, beneficiary: to }]),
        user,
        {},
      ),
      "conflict",
      "duplicate_suspected",
    );
    expect(err.extra.errors?.map((e) => e.path)).toEqual(["/rows/1/duplicateReason"]);
    const rows = err.extra.meta?.rows as { row: number; matches: unknown[] }[];
    expect(rows[0].row).toBe(1);
    expect(rows[0].matches).toHaveLength(1);

    const other = beneficiary();
    await submitTransfers(
      transfersInput([{ amount: 40_000 * COP }, { amount: 60_000 * COP, beneficiary: other }]),
      user,
      {},
    );
    await rejectsWith(
      submitPayout(payoutInput({ amount: 60_000 * COP, beneficiary: other }), user, {}),
      "conflict",
      "duplicate_suspected",
    );
  });
});
