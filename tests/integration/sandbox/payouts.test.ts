// Core: payouts (external_id dedupe, states, fees, exactly-once ledger movements), ledger
// accounts / balances / transactions, Bre-B key resolution.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, expectEnvelope, KEYS, LACC, payoutBody, type TBooted } from "./helpers";

let s: TBooted;
beforeAll(async () => {
  s = await boot();
});
afterAll(() => s.close());

type TTx = {
  operation_type: string;
  amount: { amount: number };
  id_in_origin: string;
  origin: string;
};
const bal = async (id: string = LACC.suppliers) =>
  (await s.call("GET", `/v1/ledger/accounts/${id}/balances`)).body as {
    available: { amount: number };
    pending: { amount: number };
  };
const txFor = async (payoutId: string, account: string = LACC.suppliers): Promise<TTx[]> =>
  (
    await s.call("GET", `/v1/ledger/accounts/${account}/transactions?page_size=500`)
  ).body.transactions.filter((t: TTx) => t.id_in_origin === payoutId);
const settle = () => s.admin("POST", "/run_pending");

describe("POST /v1/core/payouts", () => {
  it("201 creates a pending payout with fees and a hold; the same external_id returns the original with 200", async () => {
    const before = await bal();
    const body = payoutBody();
    const r = await s.call("POST", "/v1/core/payouts", { body });
    expect(r.status).toBe(201);
    const p = r.body;
    expect(p.id).toMatch(/^cpout_[0-9A-Za-z]{22}$/);
    expect(p).toMatchObject({
      state: "pending",
      state_reason: null,
      external_id: body.external_id,
      account_id: LACC.suppliers,
      method: "co_ach",
      target_amount: { amount: 250_000_00, currency: "COP" },
    });
    const fee = p.calculated_fees.bank_transfer.amount.amount;
    const gmf = p.calculated_fees.bank_transfer_gmf.amount.amount;
    expect(fee).toBe(2_000_00);
    expect(gmf).toBe(1_000_00); // 4×1000 of 250,000
    expect(p.source_amount.amount).toBe(250_000_00 + fee + gmf);
    const after = await bal();
    expect(after.available.amount).toBe(before.available.amount - p.source_amount.amount);
    expect(after.pending.amount).toBe(before.pending.amount + p.source_amount.amount);

    const again = await s.call("POST", "/v1/core/payouts", {
      body: { ...body, description: "changed" },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(p.id);
    expect(again.body.description).toBe("Pago a proveedor");
    expect((await bal()).available.amount).toBe(after.available.amount);
    expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(1);
  });

  it("pending → processing → settled: the hold is debited exactly once", async () => {
    await settle(); // other tests' payouts must not settle during this one's clock advance
    const before = await bal();
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    await s.admin("POST", "/clock/advance", { seconds: 1 });
    expect((await s.call("GET", `/v1/core/payouts/${p.id}`)).body.state).toBe("processing");
    await s.admin("POST", "/clock/advance", { seconds: 30 });
    const done = (await s.call("GET", `/v1/core/payouts/${p.id}`)).body;
    expect(done.state).toBe("settled");
    const after = await bal();
    expect(after.available.amount).toBe(before.available.amount - p.source_amount.amount);
    expect(after.pending.amount).toBe(before.pending.amount);
    const ops = (await txFor(p.id)).map((t) => t.operation_type).sort();
    expect(ops).toEqual(["debit", "hold"]);
    // a forced completion or extra clock ticks never move money again
    expectEnvelope(
      await s.admin("POST", `/payouts/${p.id}/complete`, { state: "failed" }),
      409,
      "validation_error",
    );
    await s.admin("POST", "/clock/advance", { seconds: 3600 });
    expect(await txFor(p.id)).toHaveLength(2);
  });

  it.each([
    ["co_ach", "88814235000", "declined_by_origin_bank"],
    ["co_ach", "99912345000", "declined_by_destination_bank"],
    ["co_mono_turbo", "77712345000", "global_limit_exceeded"],
    ["co_mono_turbo", "77712345111", "insufficient_funds"],
  ])("%s to document %s fails with %s and releases the hold", async (method, doc, reason) => {
    const before = await bal();
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody({ method }, doc) }))
      .body;
    await settle();
    const done = (await s.call("GET", `/v1/core/payouts/${p.id}`)).body;
    expect(done).toMatchObject({ state: "failed", state_reason: reason });
    expect(await bal()).toEqual(before);
    expect((await txFor(p.id)).map((t) => t.operation_type).sort()).toEqual(["hold", "release"]);
  });

  it("source_amount computes target_amount so that target + fees = source", async () => {
    const p = (
      await s.call("POST", "/v1/core/payouts", {
        body: payoutBody({
          target_amount: null,
          source_amount: { amount: 1_000_000_00, currency: "COP" },
        }),
      })
    ).body;
    expect(p.source_amount.amount).toBe(1_000_000_00);
    const fees =
      p.calculated_fees.bank_transfer.amount.amount +
      p.calculated_fees.bank_transfer_gmf.amount.amount;
    expect(p.target_amount.amount + fees).toBe(1_000_000_00);
    expect(p.target_amount.amount).toBeGreaterThan(990_000_00);
  });

  it("insufficient available balance: created already failed, nothing held", async () => {
    const acc = (
      await s.admin("POST", "/ledger/accounts", { name: "Casi vacía", available: 10_000_00 })
    ).body;
    const r = await s.call("POST", "/v1/core/payouts", {
      body: payoutBody({ account_id: acc.id }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ state: "failed", state_reason: "insufficient_funds" });
    expect((await bal(acc.id)).available.amount).toBe(10_000_00);
    expect(await txFor(r.body.id, acc.id)).toEqual([]);
  });

  it("admin can drop a balance below a floor (ledger stays consistent)", async () => {
    const acc = (await s.admin("POST", "/ledger/accounts", { available: 5_000_000_00 })).body;
    await s.admin("POST", `/ledger/accounts/${acc.id}/balance`, { available: 1_000_00 });
    expect((await bal(acc.id)).available.amount).toBe(1_000_00);
    const txs = (await s.call("GET", `/v1/ledger/accounts/${acc.id}/transactions`)).body
      .transactions as TTx[];
    const sum = txs.reduce(
      (n, t) => n + (t.operation_type === "credit" ? 1 : -1) * t.amount.amount,
      0,
    );
    expect(sum).toBe(1_000_00);
  });

  const bad: [string, Record<string, unknown>, number, string, string][] = [
    ["missing external_id", { external_id: undefined }, 422, "missing_field", "#/external_id"],
    ["external_id not a string", { external_id: 42 }, 400, "invalid_format", "#/external_id"],
    ["bad method", { method: "swift" }, 400, "invalid_format", "#/method"],
    [
      "unknown ledger account",
      { account_id: "lacc_0000000000000000000000" },
      422,
      "item_not_found",
      "#/account_id",
    ],
    [
      "blocked ledger account",
      { account_id: LACC.blocked },
      422,
      "account_not_active",
      "#/account_id",
    ],
    [
      "both amounts",
      { source_amount: { amount: 100, currency: "COP" } },
      422,
      "validation_error",
      "#/target_amount",
    ],
    ["no amount", { target_amount: null }, 422, "validation_error", "#/source_amount"],
    [
      "amount 0",
      { target_amount: { amount: 0, currency: "COP" } },
      422,
      "invalid_amount",
      "#/target_amount/amount",
    ],
    [
      "amount negative",
      { target_amount: { amount: -100, currency: "COP" } },
      422,
      "invalid_amount",
      "#/target_amount/amount",
    ],
    [
      "amount too large",
      { target_amount: { amount: 60_000_000_000, currency: "COP" } },
      422,
      "amount_exceeds_limit",
      "#/target_amount/amount",
    ],
    [
      "amount as string",
      { target_amount: { amount: "100", currency: "COP" } },
      400,
      "invalid_format",
      "#/target_amount/amount",
    ],
    [
      "USD amount",
      { target_amount: { amount: 100, currency: "USD" } },
      422,
      "currency_mismatch",
      "#/target_amount/currency",
    ],
    [
      "unknown bank",
      { target: { ...payoutBody().target, bank_code: "9999" } },
      422,
      "item_not_found",
      "#/target/bank_code",
    ],
    [
      "bad phone",
      {
        target: {
          ...payoutBody().target,
          payee: { ...payoutBody().target.payee, phone_number: "300123" },
        },
      },
      400,
      "invalid_format",
      "#/target/payee/phone_number",
    ],
  ];
  it.each(bad)("%s → %s %s, nothing created", async (_name, over, status, code, path) => {
    const before = await bal();
    const dup = (await s.admin("GET", "/duplicates")).body;
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { body: payoutBody(over) }),
      status,
      code,
      path,
    );
    expect(await bal()).toEqual(before);
    expect((await s.admin("GET", "/duplicates")).body).toEqual(dup);
  });

  it("invalid JSON → 400; Preparer and Viewer → 403", async () => {
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { raw: "[1," }),
      400,
      "invalid_format",
      "#",
    );
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { key: KEYS.preparer, body: payoutBody() }),
      403,
      "not_authorized",
    );
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { key: KEYS.viewer, body: payoutBody() }),
      403,
      "not_authorized",
    );
  });
});

describe("GET /v1/core/payouts/{id}", () => {
  it("any role reads; unknown → 404", async () => {
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    for (const key of Object.values(KEYS))
      expect((await s.call("GET", `/v1/core/payouts/${p.id}`, { key })).body.id).toBe(p.id);
    expectEnvelope(
      await s.call("GET", "/v1/core/payouts/cpout_0000000000000000000000"),
      404,
      "item_not_found",
    );
  });
});

describe("ledger", () => {
  it("lists ledger accounts (no balances) with filters", async () => {
    const r = await s.call("GET", "/v1/ledger/accounts");
    expect(r.status).toBe(200);
    const ids = r.body.accounts.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([LACC.suppliers, LACC.refunds]));
    expect(r.body.accounts[0]).not.toHaveProperty("available");
    expect(r.body.accounts[0]).toMatchObject({ provider: "mono_ledger", type: "subaccount" });
    const blocked = await s.call("GET", "/v1/ledger/accounts?state[]=blocked");
    expect(blocked.body.accounts.map((a: { id: string }) => a.id)).toEqual([LACC.blocked]);
    expect(
      (await s.call("GET", "/v1/ledger/accounts?nickname=reembolsos")).body.accounts[0].id,
    ).toBe(LACC.refunds);
    expectEnvelope(
      await s.call("GET", "/v1/ledger/accounts?page_size=1000"),
      400,
      "invalid_format",
      "#/page_size",
    );
  });

  it("balances: available and pending; unknown → 404", async () => {
    const b = await bal(LACC.refunds);
    expect(b).toEqual({
      available: { amount: 12_000_000_000, currency: "COP" },
      pending: { amount: 0, currency: "COP" },
    });
    expectEnvelope(
      await s.call("GET", "/v1/ledger/accounts/lacc_0000000000000000000000/balances"),
      404,
      "item_not_found",
    );
  });

  it("transactions filter by operation_type and origin, sort, and fetch one", async () => {
    const p = (await s.call("POST", "/v1/core/payouts", { body: payoutBody() })).body;
    const holds = (
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?operation_type=hold&page_size=500`,
      )
    ).body.transactions as TTx[];
    expect(holds.every((t) => t.operation_type === "hold")).toBe(true);
    expect(holds.some((t) => t.id_in_origin === p.id)).toBe(true);
    const payouts = (
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?origin=payout&page_size=500`,
      )
    ).body.transactions as TTx[];
    expect(payouts.every((t) => t.origin === "payout")).toBe(true);
    const asc = (
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?sort[field]=transaction_at&sort[type]=asc`,
      )
    ).body.transactions;
    expect(asc[0].description).toBe("Initial top-up");
    const one = await s.call(
      "GET",
      `/v1/ledger/accounts/${LACC.suppliers}/transactions/${asc[0].id}`,
    );
    expect(one.body.id).toBe(asc[0].id);
    expect(one.body.id).toMatch(/^ltx_/);
    expectEnvelope(
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions/ltx_0000000000000000000000`,
      ),
      404,
      "item_not_found",
    );
    expectEnvelope(
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?operation_type=refund`,
      ),
      400,
      "invalid_format",
      "#/operation_type",
    );
    expectEnvelope(
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?exclude_reversed=maybe`,
      ),
      400,
      "invalid_format",
    );
  });
});

describe("POST /v1/core/payouts/co_breb/targets/resolve", () => {
  it("resolves keys deterministically by type", async () => {
    const r1 = await s.call("POST", "/v1/core/payouts/co_breb/targets/resolve", {
      key: KEYS.preparer,
      body: { account_id: LACC.suppliers, format: "plain_key", value: "@joe123" },
    });
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({
      key_type: "alphanumeric",
      key_value: "@joe123",
      resolution_type: "plain_key",
      spbvi: "CRB",
    });
    expect(r1.body.id).toMatch(/^bbtgt_[0-9A-Za-z]{22}$/);
    const r2 = await s.call("POST", "/v1/core/payouts/co_breb/targets/resolve", {
      body: { account_id: LACC.suppliers, format: "plain_key", value: "@joe123" },
    });
    expect(r2.body.creditor).toEqual(r1.body.creditor);
    const phone = await s.call("POST", "/v1/core/payouts/co_breb/targets/resolve", {
      body: { account_id: LACC.suppliers, format: "plain_key", value: "3001234567" },
    });
    expect(phone.body.key_type).toBe("cellphone");
  });
  it("errors: unknown key, short value, bad format, unknown account, viewer", async () => {
    const url = "/v1/core/payouts/co_breb/targets/resolve";
    expectEnvelope(
      await s.call("POST", url, {
        body: { account_id: LACC.suppliers, format: "plain_key", value: "sandbox@key_unknown.err" },
      }),
      422,
      "key_not_found",
      "#/value",
    );
    expectEnvelope(
      await s.call("POST", url, {
        body: { account_id: LACC.suppliers, format: "plain_key", value: "@ab" },
      }),
      400,
      "invalid_format",
      "#/value",
    );
    expectEnvelope(
      await s.call("POST", url, {
        body: { account_id: LACC.suppliers, format: "qr", value: "@joe123" },
      }),
      400,
      "invalid_format",
      "#/format",
    );
    expectEnvelope(
      await s.call("POST", url, {
        body: { account_id: "lacc_0000000000000000000000", format: "plain_key", value: "@joe123" },
      }),
      422,
      "item_not_found",
      "#/account_id",
    );
    expectEnvelope(
      await s.call("POST", url, {
        key: KEYS.viewer,
        body: { account_id: LACC.suppliers, format: "plain_key", value: "@joe123" },
      }),
      403,
      "not_authorized",
    );
  });
});

describe("external objects (made outside the console) for reconciliation", () => {
  it("creates a payout and a transfer batch through the admin surface, settled at once", async () => {
    const p = await s.admin("POST", "/external/payouts?settle=true", payoutBody());
    expect(p.status).toBe(201);
    expect(p.body.state).toBe("settled");
    const t = await s.admin("POST", "/external/transfers?settle=true", {
      account_id: "acc_5tgliBmzjZ6mpQPRbQjfKj",
      transfers: [
        {
          amount: { amount: 5000, currency: "COP" },
          payee: payoutBody().target.payee && {
            name: "X Y",
            document_type: "CC",
            document_number: "1234567",
            bank_account: { bank_code: "1007", number: "12345678", type: "savings_account" },
          },
          routing: "ach",
        },
      ],
    });
    expect(t.status).toBe(201);
    const listed = (await s.call("GET", `/v1/transfers?id=${t.body.transfers[0].id}`)).body
      .transfers[0];
    expect(listed).toMatchObject({ state: "approved", batch: { origin: "dashboard" } });
  });
});
