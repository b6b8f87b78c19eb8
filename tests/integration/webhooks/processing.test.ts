// Processing stored events: out of order, unknown objects, transfers mapped by external_id, and
// bank_transfer_change_final_state recorded as a correction. The payload never moves money:
// every state below comes from reading the sandbox back.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { submitTransfers } from "@/lib/operations/submit-transfers";
import { getMonoClient } from "@/lib/mono";
import type { TMonoTransfer } from "@/lib/mono/contract";
import { processWebhookEvent } from "@/lib/webhooks/process-webhook-event";
import { BANK_ACCOUNT, COP, payoutInput, sandboxAdmin, waitFor } from "@/tests/support/operations";
import { deliver, envelope, fakeId } from "./helpers";

const json = (v: unknown) => v as Record<string, unknown>;

async function deliverAndProcess(type: string, data: Record<string, unknown>) {
  const r = await deliver(envelope(type, data));
  expect(r.status).toBe(200);
  const id = BigInt(r.json.event_id as string);
  const out = await processWebhookEvent(id);
  return { id, out, ev: await db.webhookEvent.findUniqueOrThrow({ where: { id } }) };
}

async function settledTransfer() {
  const { user } = await makeUser({ role: "operator" });
  const acct = String(Math.floor(Math.random() * 1e10)).padStart(10, "3");
  const op = await submitTransfers(
    {
      sourceAccountId: BANK_ACCOUNT,
      mode: "create",
      routing: "turbo",
      currency: "COP",
      reason: "Webhook test transfer",
      rows: [
        {
          amount: 120_000 * COP,
          beneficiary: {
            bankCode: "1007",
            accountType: "savings_account",
            accountNumber: acct,
            name: "Beneficiaria Prueba",
            documentType: "CC",
            documentNumber: "52123456",
          },
        },
      ],
    },
    user,
    { actorId: user.id },
  );
  expect(op.state).toBe("accepted");
  const t = await waitFor(async () => {
    const r = await getMonoClient().listTransfers({ batch_id: op.monoId! });
    return r.transfers[0]?.state === "approved" ? r.transfers[0] : null;
  });
  return { op, t };
}

describe("webhook processing", () => {
  it("payout_settled before payout_processing: settles once; the late in-progress event changes nothing", async () => {
    const { user } = await makeUser({ role: "operator" });
    const op = await submitPayout(payoutInput({ method: "co_mono_turbo" }), user, {
      actorId: user.id,
    });
    const settled = await waitFor(async () => {
      const p = await getMonoClient().getPayout(op.monoId!);
      return p.state === "settled" ? p : null;
    });
    const first = await deliverAndProcess("payout_settled", json(settled));
    expect(first.out.result).toBe("applied");
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("settled");

    const processing = { ...settled, state: "processing", updated_at: settled.inserted_at };
    const late = await deliverAndProcess("payout_processing", json(processing));
    expect(late.ev.id).not.toBe(first.ev.id);
    expect(late.ev).toMatchObject({
      processingResult: "ignored_stale",
      operationId: op.id,
      external: false,
    });
    const row = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(row.state).toBe("settled");
    expect(
      await db.auditEvent.count({ where: { targetId: op.id, action: "operation.settled" } }),
    ).toBe(1);
    expect(await db.webhookEvent.count({ where: { operationId: op.id } })).toBe(2);
  });

  it("bank_transfer_approved before an in-progress transfer event: settled once, never moved back", async () => {
    const { op, t } = await settledTransfer();
    // as if the event beat our POST's answer: no trn_ recorded, mapped by the external_id we sent
    await db.operationItem.updateMany({
      where: { operationId: op.id },
      data: { monoTransferId: null, monoState: null },
    });
    const approved = await deliverAndProcess("bank_transfer_approved", json(t));
    expect(approved.ev).toMatchObject({ processingResult: "applied", operationId: op.id });
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("settled");
    const stale = await deliverAndProcess("bank_transfer_fallback_routing", {
      ...json(t),
      state: "in_progress",
      updated_at: t.inserted_at,
      fallback_reason: "test",
    });
    expect(stale.ev.processingResult).toBe("ignored_stale");
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("settled");
    expect(
      (await db.operationItem.findFirstOrThrow({ where: { operationId: op.id } })).monoState,
    ).toBe("approved");
  });

  it("a delivery for an object the console did not create is stored as external", async () => {
    const payout = await deliverAndProcess("payout_settled", {
      id: fakeId("cpout"),
      state: "settled",
      external_id: fakeId("ext"),
      updated_at: new Date().toISOString(),
    });
    expect(payout.ev).toMatchObject({
      processingResult: "external",
      external: true,
      operationId: null,
      processingError: null,
    });
    expect(json(payout.ev.processingDetails).why).toMatch(/Mono does not know payout/);
    const trn = await deliverAndProcess("bank_transfer_approved", {
      id: fakeId("trn"),
      state: "approved",
      external_id: fakeId("ext"),
      batch: { id: fakeId("bat") },
      updated_at: new Date().toISOString(),
    });
    expect(trn.ev).toMatchObject({
      processingResult: "external",
      external: true,
      operationId: null,
    });
    const credit = await deliverAndProcess("account_credited", {
      id: fakeId("acr"),
      account_id: BANK_ACCOUNT,
      amount: { amount: 100, currency: "COP" },
    });
    expect(credit.ev).toMatchObject({ processingResult: "external", external: true });
  });

  it("a payout made outside the console (sandbox admin) is external, with Mono's word for it", async () => {
    const p = await sandboxAdmin<{ id: string; external_id: string } & Record<string, unknown>>(
      "/external/payouts?settle=true",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          account_id: "lacc_4PagosProveedores9aBcD",
          method: "co_transfiya",
          external_id: fakeId("dash"),
          target_amount: { amount: 5_000_00, currency: "COP" },
          target: {
            country: "CO",
            currency: "COP",
            kind: "co_bank_account",
            account_number: "3001112233",
            account_type: "savings_account",
            bank_code: "1007",
            payee: {
              kind: "co_person",
              name: "Externo",
              document_type: "CC",
              document_number: "1010101010",
            },
          },
        }),
      },
    );
    const ev = await deliverAndProcess("payout_settled", p);
    expect(ev.ev).toMatchObject({
      processingResult: "external",
      external: true,
      operationId: null,
    });
    expect(json(ev.ev.processingDetails).why).toMatch(/was not created by the console/);
  });

  it("bank_transfer_change_final_state after settlement: re-reads Mono, moves settled → failed as a correction, audits and alerts", async () => {
    const { op, t } = await settledTransfer();
    await deliverAndProcess("bank_transfer_approved", json(t));
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("settled");

    const changed = await sandboxAdmin<TMonoTransfer>(`/transfers/${t.id}/change_final_state`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        state: "declined",
        declination_reason: "declined_by_destination_bank",
      }),
    });
    expect(changed.state).toBe("declined");
    const ev = await deliverAndProcess("bank_transfer_change_final_state", {
      ...json(changed),
      previous_state: "approved",
    });
    expect(ev.ev).toMatchObject({ processingResult: "correction", operationId: op.id });
    const correction = json(json(ev.ev.processingDetails).correction);
    expect(correction).toMatchObject({ from: "settled", to: "failed", outcomeChanged: true });

    const row = await db.operation.findUniqueOrThrow({
      where: { id: op.id },
      include: { items: true },
    });
    expect(row.state).toBe("failed");
    expect(row.items[0]).toMatchObject({
      monoState: "declined",
      declinationReason: "declined_by_destination_bank",
      monoTransferId: t.id,
    });
    const audit = await db.auditEvent.findMany({
      where: { targetId: op.id },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "operation.created",
      "operation.accepted",
      "operation.settled",
      "operation.final_state_corrected",
    ]);
    const alert = await db.alert.findFirstOrThrow({
      where: { foldKey: `final_state_correction:${op.id}` },
    });
    expect(alert).toMatchObject({
      severity: "critical",
      state: "open",
      rule: "final_state_correction",
    });
    expect(correction.alertId).toBe(alert.id);

    // the same correction delivered again changes nothing more
    const again = await deliver(
      envelope("bank_transfer_change_final_state", {
        ...json(changed),
        previous_state: "approved",
      }),
    );
    expect(again.json.duplicate).toBe(true);
    expect((await processWebhookEvent(ev.id, { force: true })).result).toBe("ignored_stale");
    expect(
      await db.auditEvent.count({
        where: { targetId: op.id, action: "operation.final_state_corrected" },
      }),
    ).toBe(1);
  });
});
