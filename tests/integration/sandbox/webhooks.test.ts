// Webhooks: envelope, Mono-Signature verified independently, event names, retry schedule,
// and the webhook faults (duplicate, reorder, delay, drop).
import { afterEach, describe, expect, it } from "vitest";
import { ACC, boot, KEYS, payee, payoutBody, transfer, until, type TBooted } from "./helpers";
import { startReceiver, verifyMonoSignature } from "./receiver";

const SECRET = "whsec_test_0123456789";
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function setup(
  opts: Parameters<typeof boot>[0] = {},
  respond?: Parameters<typeof startReceiver>[0],
) {
  const rx = await startReceiver(respond);
  const s: TBooted = await boot({
    webhookUrl: rx.url,
    webhookSecret: SECRET,
    timeScale: 0.001,
    ...opts,
  });
  cleanup.push(
    () => s.close(),
    () => rx.close(),
  );
  return { s, rx };
}

function expectSigned(raw: string, signature: string): void {
  expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  expect(verifyMonoSignature(SECRET, signature, raw)).toBe(true);
  expect(verifyMonoSignature("whsec_wrong", signature, raw)).toBe(false);
  expect(verifyMonoSignature(SECRET, signature, raw + " ")).toBe(false);
}

describe("payout events", () => {
  it("payout_created → payout_processing → payout_settled, plus ledger events; all signed", async () => {
    const { s, rx } = await setup();
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    const expected = [
      "payout_created",
      "payout_processing",
      "payout_settled",
      "ledger_account_transaction_created",
    ];
    const mineNow = () => rx.ok().filter((r) => r.data.id === p.id || r.data.id_in_origin === p.id);
    // Deliveries are at least once, with retries: on a loaded machine one may land after a later
    // event's, so wait for every type, not just the last state.
    await until(async () => expected.every((t) => mineNow().some((r) => r.type === t)), 20_000);
    const mine = mineNow();
    expect(mine.map((r) => r.type)).toEqual(expect.arrayContaining(expected));
    for (const r of mine) {
      expectSigned(r.raw, r.signature);
      expect(Object.keys(JSON.parse(r.raw))).toEqual(["event", "timestamp"]);
      expect(new Date(r.timestamp).toISOString()).toBe(r.timestamp);
    }
    const settled = mine.find((r) => r.type === "payout_settled")!;
    expect(settled.data).toMatchObject({
      state: "settled",
      external_id: p.external_id,
      source_amount: p.source_amount,
    });
    const ledger = mine
      .filter((r) => r.type === "ledger_account_transaction_created")
      .map((r) => r.data.operation_type)
      .sort();
    expect(ledger).toEqual(["debit", "hold"]);
  });

  it("a failed payout sends payout_failed with state_reason", async () => {
    const { s, rx } = await setup();
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody({}, "99912345000") }))
      .body;
    const r = await until(async () =>
      rx.ok().find((x) => x.type === "payout_failed" && x.data.id === p.id),
    );
    expect(r.data).toMatchObject({ state: "failed", state_reason: "declined_by_destination_bank" });
  });
});

describe("transfer and batch events", () => {
  it("batch_sent, bank_transfer_approved, bank_transfer_rejected, bank_transfer_change_final_state", async () => {
    const { s, rx } = await setup();
    const r = await s.call("POST", "/v1/transfers", {
      body: {
        account_id: ACC.operations,
        transfers: [transfer(), transfer(100, { payee: payee("88814235000") })],
      },
    });
    const [ok, ko] = r.body.transfers;
    await until(async () => rx.ok().some((x) => x.type === "bank_transfer_rejected"));
    await until(async () => rx.ok().some((x) => x.type === "bank_transfer_approved"));
    const sent = rx.ok().find((x) => x.type === "batch_sent")!;
    expect(sent.data).toMatchObject({ id: r.body.batch.id, state: "processing_transactions" });
    const approved = rx.ok().find((x) => x.type === "bank_transfer_approved")!;
    expect(approved.data).toMatchObject({
      id: ok.id,
      state: "approved",
      batch: { id: r.body.batch.id },
    });
    const rejected = rx.ok().find((x) => x.type === "bank_transfer_rejected")!;
    expect(rejected.data).toMatchObject({
      id: ko.id,
      state: "declined",
      declination_reason: "declined_by_origin_bank",
    });
    await s.admin("POST", `/transfers/${ok.id}/change_final_state`, { state: "declined" });
    const change = await until(async () =>
      rx.ok().find((x) => x.type === "bank_transfer_change_final_state"),
    );
    expect(change.data).toMatchObject({ id: ok.id, state: "declined", previous_state: "approved" });
    for (const x of rx.received) expectSigned(x.raw, x.signature);
  });

  it("prepare: batch_authorization_requested; cancel: batch_canceled; fallback: bank_transfer_fallback_routing", async () => {
    const { s, rx } = await setup();
    const a = await s.call("POST", "/v1/transfers/prepare", {
      key: KEYS.preparer,
      body: { account_id: ACC.payroll, transfers: [transfer()] },
    });
    await until(async () =>
      rx
        .ok()
        .find((x) => x.type === "batch_authorization_requested" && x.data.id === a.body.batch.id),
    );
    await s.admin("POST", `/batches/${a.body.batch.id}/cancel`);
    const c = await until(async () => rx.ok().find((x) => x.type === "batch_canceled"));
    expect(c.data).toMatchObject({
      state: "cancelled",
      canceled_by_user: { name: "Sandbox Administrator" },
    });
    await s.call("POST", "/v1/transfers", {
      body: {
        account_id: ACC.operations,
        transfers: [
          transfer(100, {
            routing: "turbo",
            fallback_routing: ["ach"],
            payee: payee("77700000000"),
          }),
        ],
      },
    });
    const f = await until(async () =>
      rx.ok().find((x) => x.type === "bank_transfer_fallback_routing"),
    );
    expect(f.data).toMatchObject({ routing: "ach", fallback_reason: "global_limit_exceeded" });
  });
});

describe("delivery and retries", () => {
  it("retries a failing endpoint on Mono's schedule (scaled) until it answers 2xx", async () => {
    const { s, rx } = await setup({ timeScale: 0.002 }, (r, n) =>
      r.type === "payout_created" && n < 2 ? 500 : 200,
    );
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    await until(
      async () => rx.ok().find((x) => x.type === "payout_created" && x.data.id === p.id),
      5000,
    );
    const tries = rx.received.filter((x) => x.type === "payout_created");
    expect(tries.map((x) => x.status)).toEqual([500, 500, 200]);
    expect(new Set(tries.map((x) => x.raw)).size).toBe(1); // the same bytes every time
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(30_000 * 0.002 - 5);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(90_000 * 0.002 - 5);
    const d = (await s.admin("GET", `/webhooks/deliveries?type=payout_created&resource_id=${p.id}`))
      .body.deliveries[0];
    expect(d.state).toBe("delivered");
    expect(d.attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
  });

  it("gives up after 10 attempts (~8.4 h of Mono time)", async () => {
    const { s, rx } = await setup({ timeScale: 0.0001 }, () => 503);
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    const d = await until(
      async () => {
        const list = (
          await s.admin("GET", `/webhooks/deliveries?type=payout_created&resource_id=${p.id}`)
        ).body.deliveries;
        return list[0]?.state === "failed" ? list[0] : null;
      },
      15_000,
      100,
    );
    expect(d.attempts).toHaveLength(10);
    const tries = rx.received.filter((x) => x.type === "payout_created" && x.data.id === p.id);
    const span = tries[9].at - tries[0].at;
    expect(span).toBeGreaterThanOrEqual(30_390_000 * 0.0001 - 50);
  }, 20_000);

  it("an unreachable endpoint is retried too", async () => {
    const s = await boot({ webhookUrl: "http://127.0.0.1:9/nothing", timeScale: 0.001 });
    cleanup.push(() => s.close());
    await s.call("POST", "/v1/core/payouts", { body: payoutBody() });
    const d = await until(async () => {
      const list = (await s.admin("GET", "/webhooks/deliveries?type=payout_created")).body
        .deliveries;
      return list[0]?.attempts.length >= 2 ? list[0] : null;
    });
    expect(d.attempts[0].status).toBeNull();
    expect(d.attempts[0].error).toBeTruthy();
  });

  it("PUT /_sandbox/webhooks sets URLs and the secret at runtime; every URL gets every event", async () => {
    const rx2 = await startReceiver();
    cleanup.push(() => rx2.close());
    const { s, rx } = await setup();
    await s.admin("PUT", "/webhooks", { urls: [rx.url, rx2.url], secret: "whsec_rotated" });
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    const a = await until(async () =>
      rx.ok().find((x) => x.type === "payout_created" && x.data.id === p.id),
    );
    await until(async () =>
      rx2.ok().find((x) => x.type === "payout_created" && x.data.id === p.id),
    );
    expect(verifyMonoSignature("whsec_rotated", a.signature, a.raw)).toBe(true);
  });
});

describe("webhook faults", () => {
  it("duplicate: the same event arrives twice", async () => {
    const { s, rx } = await setup({ allowFaults: true });
    const p = (
      await s.call("POST", "/v1/core/payouts", { body: payoutBody(), fault: "webhook=duplicate" })
    ).body;
    await until(
      async () =>
        rx.ok().filter((x) => x.type === "payout_settled" && x.data.id === p.id).length === 2,
    );
    const created = rx.ok().filter((x) => x.type === "payout_created" && x.data.id === p.id);
    expect(created).toHaveLength(2);
    expect(created[0].raw).toBe(created[1].raw);
  });

  it("drop: never delivered, recorded as dropped", async () => {
    const { s, rx } = await setup({ allowFaults: true });
    const p = (
      await s.call("POST", "/v1/core/payouts", { body: payoutBody(), fault: "webhook=drop" })
    ).body;
    await s.admin("POST", "/run_pending");
    await new Promise((r) => setTimeout(r, 200));
    expect(rx.received.filter((x) => x.data.id === p.id)).toEqual([]);
    const ds = (await s.admin("GET", `/webhooks/deliveries?resource_id=${p.id}`)).body.deliveries;
    expect(ds.length).toBeGreaterThanOrEqual(3);
    expect(ds.every((d: { state: string }) => d.state === "dropped")).toBe(true);
  });

  it("delay: delivered late", async () => {
    const { s, rx } = await setup({ allowFaults: true, timeScale: 0.01 });
    const t0 = Date.now();
    const p = (
      await s.call("POST", "/v1/core/payouts", {
        body: payoutBody(),
        fault: "webhook=delay;webhook_delay=40000",
      })
    ).body;
    const r = await until(async () =>
      rx.ok().find((x) => x.type === "payout_created" && x.data.id === p.id),
    );
    expect(r.at - t0).toBeGreaterThanOrEqual(380);
  });

  it("reorder: an event is held back and arrives after a later one", async () => {
    const { s, rx } = await setup({ allowFaults: true, timeScale: 0.01 });
    await s.admin("PUT", "/faults", { rates: { webhook_reorder: 1 } });
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    await s.admin("PUT", "/faults", {});
    await until(
      async () => rx.ok().some((x) => x.type === "payout_settled" && x.data.id === p.id),
      5000,
    );
    await until(
      async () => rx.ok().some((x) => x.type === "payout_created" && x.data.id === p.id),
      5000,
    );
    const order = rx
      .ok()
      .filter((x) => x.data.id === p.id)
      .map((x) => x.type);
    expect(order.indexOf("payout_created")).toBeGreaterThan(order.indexOf("payout_processing"));
  });

  it("per-run webhook dice (webhook_duplicate=1) duplicate every event", async () => {
    const { s, rx } = await setup({
      allowFaults: true,
      faults: { rates: { webhook_duplicate: 1 } },
    });
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    await until(
      async () =>
        rx.ok().filter((x) => x.type === "payout_created" && x.data.id === p.id).length === 2,
    );
  });
});
