// Reconciliation against the shared sandbox. Every assertion is scoped to accounts created here
// (the sandbox holds other tests' objects): a clean pair of accounts must produce no finding, and
// a second pair is seeded with each kind of drift.
import { beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { db, jsonb, sqlDb } from "@/lib/db";
import { newId } from "@/lib/ids";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { confirmOperation } from "@/lib/operations/confirm-operation";
import { getMonoClient } from "@/lib/mono";
import { callRoute } from "@/tests/support/route";
import { runReconciliation } from "@/lib/reconcile/run-reconciliation";
import type { TReconcileMono } from "@/lib/reconcile/types";
import { POST as resolveRoute } from "@/app/api/reconciliation/findings/[id]/resolve/route";
import { POST as runRoute } from "@/app/api/reconciliation/runs/route";
import { beneficiary, COP, payoutInput, sandboxAdmin, waitFor } from "@/tests/support/operations";

const post = (path: string, body: unknown) =>
  sandboxAdmin<Record<string, unknown>>(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
type TUser = Awaited<ReturnType<typeof makeUser>>["user"];
const tag = () => randomBytes(4).toString("hex");

async function accounts() {
  const lacc = (
    await post("/ledger/accounts", { name: `Recon ${tag()}`, available: 2_000_000_000 * COP })
  ).id as string;
  const acc = (await post("/accounts", { name: `Recon ${tag()}`, balance: 2_000_000_000 * COP }))
    .id as string;
  return { lacc, acc };
}

async function settledPayout(user: TUser, lacc: string) {
  const op = await submitPayout(
    payoutInput({ sourceAccountId: lacc, method: "co_mono_turbo" }),
    user,
    { actorId: user.id },
  );
  await waitFor(async () => (await getMonoClient().getPayout(op.monoId!)).state === "settled");
  expect((await confirmOperation(op.id)).state).toBe("settled");
  return op;
}

async function settledTransfer(user: TUser, acc: string) {
  const acct = String(Math.floor(Math.random() * 1e10)).padStart(10, "4");
  const op = await submitTransfers(
    {
      sourceAccountId: acc,
      mode: "create",
      routing: "turbo",
      currency: "COP",
      reason: "Recon test",
      rows: [
        {
          amount: 80_000 * COP,
          beneficiary: {
            bankCode: "1007",
            accountType: "savings_account",
            accountNumber: acct,
            name: "Beneficiario Recon",
            documentType: "CC",
            documentNumber: "79123456",
          },
        },
      ],
    },
    user,
    { actorId: user.id },
  );
  await waitFor(
    async () =>
      (await getMonoClient().listTransfers({ batch_id: op.monoId! })).transfers[0]?.state ===
      "approved",
  );
  expect((await confirmOperation(op.id)).state).toBe("settled");
  return op;
}

const payee = {
  kind: "co_person",
  name: "Externo",
  document_type: "CC",
  document_number: "1010101010",
};

let operator: TUser;
let admin: TUser;
beforeAll(async () => {
  operator = (await makeUser({ role: "operator" })).user;
  admin = (await makeUser({ role: "admin" })).user;
});

describe("reconciliation", () => {
  it("a clean run over fresh accounts finds nothing", async () => {
    const { lacc, acc } = await accounts();
    await settledPayout(operator, lacc);
    await settledTransfer(operator, acc);
    const run = await runReconciliation({
      trigger: "manual",
      windowHours: 1,
      ledgerAccounts: [lacc],
      bankAccounts: [acc],
    });
    expect(run.state).toBe("done");
    expect(run.summary).toMatchObject({
      findings: 0,
      created: 0,
      checked: { payouts: 1, transfers: 1, ledgerAccounts: 1, bankAccounts: 1 },
    });
    expect(await db.drift.count({ where: { runId: run.id } })).toBe(0);
  });

  it("finds each kind of drift seeded in the sandbox (and on our side), alerts on critical ones, and does not repeat open findings", async () => {
    const { lacc, acc } = await accounts();
    // missing at Mono: our record points at a payout Mono does not have
    const ghost = await settledPayout(operator, lacc);
    const ghostId = `cpout_${"Z".repeat(22)}`;
    await db.operation.update({ where: { id: ghost.id }, data: { monoId: ghostId } });
    // missing here: a payout and a batch made outside the console
    const extPayout = await post("/external/payouts?settle=true", {
      account_id: lacc,
      method: "co_transfiya",
      external_id: `dash-${tag()}`,
      target_amount: { amount: 7_000 * COP, currency: "COP" },
      target: {
        country: "CO",
        currency: "COP",
        kind: "co_bank_account",
        account_number: "3001112233",
        account_type: "savings_account",
        bank_code: "1007",
        payee,
      },
    });
    const extBatch = await post("/external/transfers?settle=true", {
      account_id: acc,
      transfers: [
        {
          amount: { amount: 9_000 * COP, currency: "COP" },
          routing: "turbo",
          external_id: `dash-${tag()}`,
          payee: {
            name: "Externo",
            document_type: "CC",
            document_number: "1010101010",
            bank_account: { bank_code: "1007", number: "3001112233", type: "savings_account" },
          },
        },
      ],
    });
    // state mismatch: Mono flips a transfer after we recorded it settled
    const flipped = await settledTransfer(operator, acc);
    const trn = (await getMonoClient().listTransfers({ batch_id: flipped.monoId! })).transfers[0];
    await post(`/transfers/${trn.id}/change_final_state`, {
      state: "declined",
      declination_reason: "declined_by_destination_bank",
    });
    // amount mismatch: our record disagrees with what Mono paid
    const wrongAmount = await settledPayout(operator, lacc);
    await db.operation.update({
      where: { id: wrongAmount.id },
      data: { amount: { increment: 1 } },
    });
    // balance drift: Mono's balance for the ledger account is not explained by its movements
    // (the sandbox's ledger explains every balance by construction, so the read is shifted here)
    const real = getMonoClient();
    const mono: TReconcileMono = {
      getPayout: real.getPayout.bind(real),
      listTransfers: real.listTransfers.bind(real),
      listLedgerTransactions: real.listLedgerTransactions.bind(real),
      listLedgerAccounts: real.listLedgerAccounts.bind(real),
      listAccounts: real.listAccounts.bind(real),
      getLedgerBalance: async (id, o) => {
        const b = await real.getLedgerBalance(id, o);
        return id === lacc
          ? { ...b, available: { ...b.available, amount: b.available.amount + 150 * COP } }
          : b;
      },
    };

    const run = await runReconciliation({
      trigger: "manual",
      windowHours: 1,
      ledgerAccounts: [lacc],
      bankAccounts: [acc],
      mono,
    });
    expect(run.state).toBe("done");
    const found = await db.drift.findMany({ where: { runId: run.id } });
    const one = (kind: string, where: (d: (typeof found)[number]) => boolean) =>
      found.find((d) => d.kind === kind && where(d));

    expect(one("missing_at_mono", (d) => d.operationId === ghost.id)).toMatchObject({
      severity: "critical",
      monoObjectId: ghostId,
    });
    expect(one("missing_here", (d) => d.monoObjectId === extPayout.id)).toMatchObject({
      severity: "warning",
      operationId: null,
    });
    expect(
      one("missing_here", (d) => d.monoObjectId === (extBatch.batch as { id: string }).id),
    ).toMatchObject({ severity: "warning" });
    const mismatch = one("state_mismatch", (d) => d.operationId === flipped.id);
    expect(mismatch).toMatchObject({
      severity: "critical",
      evidence: { ours: "settled", monoOutcome: "failed" },
    });
    const amount = one("amount_mismatch", (d) => d.operationId === wrongAmount.id);
    expect(amount?.evidence).toMatchObject({
      target: { ours: Number(wrongAmount.amount) + 1, mono: Number(wrongAmount.amount) },
    });
    expect(one("balance_drift", (d) => d.monoObjectId === lacc)).toMatchObject({
      severity: "critical",
      evidence: { difference: 150 * COP },
    });
    expect(
      found.filter((d) => d.operationId === flipped.id || d.operationId === wrongAmount.id),
    ).toHaveLength(2);

    const alert = await db.alert.findFirstOrThrow({
      where: { foldKey: "reconciliation_critical:drift", state: { in: ["open", "acknowledged"] } },
    });
    expect(alert.severity).toBe("critical");

    // an hour later the same drift is still open: reported, not stored again
    const again = await runReconciliation({
      trigger: "schedule",
      windowHours: 1,
      ledgerAccounts: [lacc],
      bankAccounts: [acc],
      mono,
    });
    expect(await db.drift.count({ where: { runId: again.id } })).toBe(0);
    expect((again.summary as { stillOpen: number }).stillOpen).toBe(found.length);

    // resolve with a reason: audited, once
    const target = mismatch!;
    const short = await callRoute(resolveRoute, {
      method: "POST",
      user: operator,
      params: { id: target.id },
      body: { reason: "ok" },
    });
    expect(short.status).toBe(400);
    const ok = await callRoute(resolveRoute, {
      method: "POST",
      user: operator,
      params: { id: target.id },
      body: { reason: "Mono reversed the transfer; refund booked in ticket OPS-42" },
    });
    expect(ok.status).toBe(200);
    const row = await db.drift.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({
      resolvedById: operator.id,
      resolution: "Mono reversed the transfer; refund booked in ticket OPS-42",
    });
    expect(
      await db.auditEvent.count({
        where: { targetId: target.id, action: "reconciliation.finding_resolved" },
      }),
    ).toBe(1);
    const twice = await callRoute(resolveRoute, {
      method: "POST",
      user: admin,
      params: { id: target.id },
      body: { reason: "again, by someone else" },
    });
    expect(twice.status).toBe(409);
    const viewer = (await makeUser({ role: "viewer" })).user;
    const denied = await callRoute(resolveRoute, {
      method: "POST",
      user: viewer,
      params: { id: found[0].id },
      body: { reason: "viewers cannot resolve" },
    });
    expect(denied.status).toBe(403);
    expect(
      (await db.drift.findUniqueOrThrow({ where: { id: found[0].id } })).resolvedAt,
    ).toBeNull();
  });

  it("stores thousands of findings a chunk at a time, and a second run repeats none of them", async () => {
    const { lacc } = await accounts();
    const n = 2_500; // more than one chunk of 1,000
    const run = randomBytes(4).toString("hex");
    // Settled payouts Mono never heard of (no Mono id): each one is a missing_at_mono finding.
    await sql`INSERT INTO "Operation" (id, kind, state, amount, "sourceAccountId", target, reason,
        "idempotencyKey", "externalId", fingerprint, "monoRequest", "policyVersion", "createdById",
        "createdAt", "updatedAt")
      SELECT 'op_rc' || ${run} || lpad(i::text, 12, '0'), 'payout', 'settled', 1000 + i, ${lacc},
        ${jsonb(beneficiary())}::jsonb, 'recon scale ' || i, gen_random_uuid()::text,
        'mops-rc' || ${run} || i, repeat('f', 64), '{}'::jsonb, 1, ${operator.id},
        now() - i * interval '1 second', now()
      FROM generate_series(1, ${n}) AS i`.execute(sqlDb);
    const scoped = {
      trigger: "manual" as const,
      windowHours: 1,
      ledgerAccounts: [lacc],
      bankAccounts: [],
    };
    const first = await runReconciliation(scoped);
    expect(first.state).toBe("done");
    expect(first.summary).toMatchObject({ created: n, stillOpen: 0, newCritical: n });
    expect(await db.drift.count({ where: { runId: first.id, kind: "missing_at_mono" } })).toBe(n);
    const second = await runReconciliation(scoped);
    expect(second.summary).toMatchObject({ created: 0, stillOpen: n, newCritical: 0 });
  });

  it("one run at a time: a live run refuses another (409); an abandoned one is closed and does not block", async () => {
    const live = await db.reconciliationRun.create({
      data: {
        id: newId("rec"),
        trigger: "schedule",
        windowStart: new Date(Date.now() - 3_600_000),
        windowEnd: new Date(),
        state: "running",
        heartbeatAt: new Date(),
      },
    });
    const scoped = { trigger: "manual" as const, ledgerAccounts: [], bankAccounts: [] };
    await expect(runReconciliation(scoped)).rejects.toMatchObject({
      code: "conflict",
      message: `Reconciliation run ${live.id} is still in progress`,
    });
    // Its process stopped 2 minutes ago (no heartbeat since): the next run closes it and goes on.
    await db.reconciliationRun.update({
      where: { id: live.id },
      data: { heartbeatAt: new Date(Date.now() - 120_000) },
    });
    expect((await runReconciliation(scoped)).state).toBe("done");
    const abandoned = await db.reconciliationRun.findUniqueOrThrow({ where: { id: live.id } });
    expect(abandoned.state).toBe("failed");
    expect(abandoned.finishedAt).not.toBeNull();
    expect(abandoned.error).toMatch(/^Abandoned: the process running it stopped/);
    expect(await db.reconciliationRun.count({ where: { state: "running" } })).toBe(0);
  });

  it("Run now through the API: operator+ only, audited, answers with the finished run", async () => {
    const viewer = (await makeUser({ role: "viewer" })).user;
    const before = await db.reconciliationRun.count();
    expect((await callRoute(runRoute, { method: "POST", user: viewer, body: {} })).status).toBe(
      403,
    );
    expect(await db.reconciliationRun.count()).toBe(before);
    const r = await callRoute(runRoute, {
      method: "POST",
      user: operator,
      body: { windowHours: 1 },
    });
    expect(r.status).toBe(200);
    const run = r.json.run as { id: string; state: string; trigger: string };
    expect(run).toMatchObject({ state: "done", trigger: "manual" });
    expect(
      await db.auditEvent.count({
        where: { targetId: run.id, action: "reconciliation.run_started" },
      }),
    ).toBe(1);
  });
});
