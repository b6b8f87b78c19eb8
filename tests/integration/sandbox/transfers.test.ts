// Banking transfers and batches: create / prepare / list, validation (nothing changes on
// error), states over time, magic document numbers, duplicates, final-state changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACC,
  boot,
  expectEnvelope,
  ID_RE,
  KEYS,
  payee,
  transfer,
  uuid,
  type TBooted,
} from "./helpers";

let s: TBooted;
beforeAll(async () => {
  s = await boot();
});
afterAll(() => s.close());

const balance = async (id: string): Promise<number> =>
  (await s.call("GET", `/v1/accounts/${id}/balances`)).body.available.amount;
const counts = async () => (await s.admin("GET", "/duplicates")).body;
const settle = () => s.admin("POST", "/run_pending");
const get = async (id: string) => (await s.call("GET", `/v1/transfers?id=${id}`)).body.transfers[0];

describe("POST /v1/transfers (Administrator: create and send)", () => {
  it("creates a batch with its transfers; the batch goes to processing_transactions and the transfers to approved", async () => {
    const before = await balance(ACC.operations);
    const r = await s.call("POST", "/v1/transfers", {
      body: {
        account_id: ACC.operations,
        transfers: [transfer(100_000_00), transfer(50_000_00, { routing: "turbo" })],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.account_id).toBe(ACC.operations);
    expect(r.body.batch).toMatchObject({
      state: "created",
      origin: "api",
      total_amount: { amount: 150_000_00, currency: "COP" },
      transfers_count: 2,
    });
    expect(r.body.batch.id).toMatch(/^bat_[0-9A-Za-z]{22}$/);
    for (const t of r.body.transfers) {
      expect(t.id).toMatch(/^trn_[0-9A-Za-z]{22}$/);
      expect(t).toMatchObject({
        state: "created",
        declination_reason: null,
        batch: { id: r.body.batch.id },
      });
    }
    await settle();
    const [a, b] = await Promise.all(r.body.transfers.map((t: { id: string }) => get(t.id)));
    expect(a.state).toBe("approved");
    expect(b.state).toBe("approved");
    expect(a.batch.state).toBe("processing_transactions");
    expect(await balance(ACC.operations)).toBe(before - 150_000_00);
  });

  it("moves created → in_progress → approved over (scaled) time", async () => {
    const t = await boot({ timeScale: 0.01 });
    try {
      const r = await t.call("POST", "/v1/transfers", {
        body: { account_id: ACC.operations, transfers: [transfer()] },
      });
      const id = r.body.transfers[0].id;
      const seen = new Set<string>([r.body.transfers[0].state]);
      const end = Date.now() + 3000;
      while (Date.now() < end) {
        const st = (await t.call("GET", `/v1/transfers?id=${id}`)).body.transfers[0].state;
        seen.add(st);
        if (st === "approved") break;
        await new Promise((res) => setTimeout(res, 5));
      }
      expect([...seen]).toEqual(expect.arrayContaining(["created", "in_progress", "approved"]));
    } finally {
      await t.close();
    }
  });

  it("the admin clock drives the same transitions", async () => {
    const r = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer()] },
    });
    const id = r.body.transfers[0].id;
    await s.admin("POST", "/clock/advance", { seconds: 1 });
    expect((await get(id)).batch.state).toBe("processing_transactions");
    await s.admin("POST", "/clock/advance", { seconds: 1 });
    expect((await get(id)).state).toBe("in_progress");
    await s.admin("POST", "/clock/advance", { seconds: 30 });
    expect((await get(id)).state).toBe("approved");
  });

  it("only the Administrator may send", async () => {
    const body = { account_id: ACC.operations, transfers: [transfer()] };
    const before = await counts();
    expectEnvelope(
      await s.call("POST", "/v1/transfers", { key: KEYS.preparer, body }),
      403,
      "not_authorized",
    );
    expectEnvelope(
      await s.call("POST", "/v1/transfers", { key: KEYS.viewer, body }),
      403,
      "not_authorized",
    );
    expect(await counts()).toEqual(before);
  });
});

describe("POST /v1/transfers/prepare (Administrator or Preparer: waits for approval)", () => {
  it("goes created → pending_otp and waits; approval sends it", async () => {
    const r = await s.call("POST", "/v1/transfers/prepare", {
      key: KEYS.preparer,
      body: { account_id: ACC.payroll, transfers: [transfer()] },
    });
    expect(r.status).toBe(201);
    const id = r.body.transfers[0].id;
    await s.admin("POST", "/clock/advance", { seconds: 2 });
    const t = await get(id);
    expect(t.batch.state).toBe("pending_otp");
    expect(t.state).toBe("created");
    expect((await s.admin("POST", `/batches/${r.body.batch.id}/approve`)).status).toBe(200);
    expect((await get(id)).batch.state).toBe("processing_transactions");
    await settle();
    expect((await get(id)).state).toBe("approved");
  });

  it("an unapproved prepared batch is approved automatically after 60 s (the Mono app), or can be cancelled", async () => {
    const a = await s.call("POST", "/v1/transfers/prepare", {
      body: { account_id: ACC.payroll, transfers: [transfer()] },
    });
    const b = await s.call("POST", "/v1/transfers/prepare", {
      body: { account_id: ACC.payroll, transfers: [transfer()] },
    });
    await s.admin("POST", "/clock/advance", { seconds: 2 });
    expect((await s.admin("POST", `/batches/${b.body.batch.id}/cancel`)).body.state).toBe(
      "cancelled",
    );
    await s.admin("POST", "/clock/advance", { seconds: 61 });
    expect((await get(a.body.transfers[0].id)).batch.state).toBe("processing_transactions");
    expect(await get(b.body.transfers[0].id)).toMatchObject({
      state: "cancelled",
      batch: { state: "cancelled" },
    });
    expectEnvelope(
      await s.admin("POST", `/batches/${b.body.batch.id}/approve`),
      409,
      "validation_error",
    );
  });

  it("Viewer may not prepare", async () => {
    expectEnvelope(
      await s.call("POST", "/v1/transfers/prepare", {
        key: KEYS.viewer,
        body: { account_id: ACC.payroll, transfers: [transfer()] },
      }),
      403,
      "not_authorized",
    );
  });
});

describe("validation: documented errors and nothing changes", () => {
  const cases: [string, { raw?: string; body?: unknown }, number, string, string | undefined][] = [
    ["invalid JSON", { raw: "{not json" }, 400, "invalid_format", "#"],
    ["empty body", { raw: "" }, 400, "invalid_format", "#"],
    [
      "missing account_id",
      { body: { transfers: [transfer()] } },
      422,
      "missing_field",
      "#/account_id",
    ],
    [
      "account_id not an id",
      { body: { account_id: "123", transfers: [transfer()] } },
      400,
      "invalid_format",
      "#/account_id",
    ],
    [
      "transfers not an array",
      { body: { account_id: ACC.operations, transfers: "x" } },
      400,
      "invalid_format",
      "#/transfers",
    ],
    [
      "0 transfers",
      { body: { account_id: ACC.operations, transfers: [] } },
      422,
      "validation_error",
      "#/transfers",
    ],
    [
      "1001 transfers",
      {
        body: {
          account_id: ACC.operations,
          transfers: Array.from({ length: 1001 }, () => transfer()),
        },
      },
      422,
      "validation_error",
      "#/transfers",
    ],
    [
      "amount as string",
      {
        body: {
          account_id: ACC.operations,
          transfers: [transfer(0, { amount: { amount: "100", currency: "COP" } })],
        },
      },
      400,
      "invalid_format",
      "#/transfers/0/amount/amount",
    ],
    [
      "amount 0",
      { body: { account_id: ACC.operations, transfers: [transfer(0)] } },
      422,
      "invalid_amount",
      "#/transfers/0/amount/amount",
    ],
    [
      "amount negative",
      { body: { account_id: ACC.operations, transfers: [transfer(-5)] } },
      422,
      "invalid_amount",
      "#/transfers/0/amount/amount",
    ],
    [
      "amount fractional",
      { body: { account_id: ACC.operations, transfers: [transfer(10.5)] } },
      422,
      "invalid_amount",
      "#/transfers/0/amount/amount",
    ],
    [
      "amount beyond the limit",
      { body: { account_id: ACC.operations, transfers: [transfer(50_000_000_001)] } },
      422,
      "amount_exceeds_limit",
      "#/transfers/0/amount/amount",
    ],
    [
      "USD",
      {
        body: {
          account_id: ACC.operations,
          transfers: [transfer(100, { amount: { amount: 100, currency: "USD" } })],
        },
      },
      422,
      "currency_mismatch",
      "#/transfers/0/amount/currency",
    ],
    [
      "unknown currency",
      {
        body: {
          account_id: ACC.operations,
          transfers: [transfer(100, { amount: { amount: 100, currency: "XXX" } })],
        },
      },
      400,
      "invalid_format",
      "#/transfers/0/amount/currency",
    ],
    [
      "bad routing",
      { body: { account_id: ACC.operations, transfers: [transfer(100, { routing: "swift" })] } },
      400,
      "invalid_format",
      "#/transfers/0/routing",
    ],
    [
      "missing payee",
      { body: { account_id: ACC.operations, transfers: [transfer(100, { payee: undefined })] } },
      422,
      "missing_field",
      "#/transfers/0/payee",
    ],
    [
      "unknown bank",
      {
        body: {
          account_id: ACC.operations,
          transfers: [transfer(100, { payee: payee("1020304050", "9999") })],
        },
      },
      422,
      "item_not_found",
      "#/transfers/0/payee/bank_account/bank_code",
    ],
    [
      "unknown account",
      { body: { account_id: "acc_0000000000000000000000", transfers: [transfer()] } },
      422,
      "item_not_found",
      "#/account_id",
    ],
    [
      "canceled account",
      { body: { account_id: ACC.canceled, transfers: [transfer()] } },
      422,
      "account_not_active",
      "#/account_id",
    ],
  ];
  for (const [name, req, status, code, path] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const before = await counts();
      const bal = await balance(ACC.operations);
      expectEnvelope(await s.call("POST", "/v1/transfers", req), status, code, path);
      expect(await counts()).toEqual(before);
      expect(await balance(ACC.operations)).toBe(bal);
    });
  }

  it("a batch with one bad item creates none of them", async () => {
    const before = await counts();
    const r = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer(), transfer(-1), transfer()] },
    });
    expectEnvelope(r, 422, "invalid_amount", "#/transfers/1/amount/amount");
    expect(await counts()).toEqual(before);
  });

  it("1000 transfers is accepted", async () => {
    const r = await s.call("POST", "/v1/transfers/prepare", {
      body: {
        account_id: ACC.payroll,
        transfers: Array.from({ length: 1000 }, () => transfer(1000)),
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.transfers).toHaveLength(1000);
    expect(r.body.batch.total_amount.amount).toBe(1_000_000);
    await s.admin("POST", `/batches/${r.body.batch.id}/cancel`).catch(() => undefined);
  });
});

describe("magic document numbers (docs/SANDBOX.md)", () => {
  const cases: [string, string, "approved" | "declined", string | null][] = [
    ["ach", "88814235000", "declined", "declined_by_origin_bank"],
    ["ach", "99912345000", "declined", "declined_by_destination_bank"],
    ["ach", "77712345000", "approved", null],
    ["ach", "1020304050", "approved", null],
    ["turbo", "77712345000", "declined", "global_limit_exceeded"],
    ["turbo", "77712345111", "declined", "insufficient_funds"],
    ["turbo", "11112345000", "declined", "insufficient_funds"],
    ["turbo", "88814235000", "approved", null],
  ];
  it.each(cases)("%s %s → %s (%s)", async (routing, doc, state, reason) => {
    const before = await balance(ACC.operations);
    const r = await s.call("POST", "/v1/transfers", {
      body: {
        account_id: ACC.operations,
        transfers: [transfer(12_345_00, { routing, payee: payee(doc) })],
      },
    });
    await settle();
    const t = await get(r.body.transfers[0].id);
    expect(t.state).toBe(state);
    expect(t.declination_reason).toBe(reason);
    // a decline credits back exactly what was debited
    expect(await balance(ACC.operations)).toBe(state === "approved" ? before - 12_345_00 : before);
  });

  it("a declined Turbo transfer falls back to ACH when fallback_routing says so", async () => {
    const r = await s.call("POST", "/v1/transfers", {
      body: {
        account_id: ACC.operations,
        transfers: [
          transfer(1000, {
            routing: "turbo",
            fallback_routing: ["ach"],
            payee: payee("77712345000"),
          }),
        ],
      },
    });
    await settle();
    expect(await get(r.body.transfers[0].id)).toMatchObject({ state: "approved", routing: "ach" });
  });

  it("insufficient Banking balance declines with insufficient_funds and moves nothing", async () => {
    const acc = (await s.admin("POST", "/accounts", { name: "Vacía", balance: 1000 })).body;
    const r = await s.call("POST", "/v1/transfers", {
      body: { account_id: acc.id, transfers: [transfer(5000)] },
    });
    await settle();
    expect(await get(r.body.transfers[0].id)).toMatchObject({
      state: "declined",
      declination_reason: "insufficient_funds",
    });
    expect(await balance(acc.id)).toBe(1000);
  });
});

describe("duplicates by external_id and final-state changes", () => {
  it("a second transfer with an existing external_id ends duplicated and moves no money", async () => {
    const ext = `pay-${uuid()}`;
    const a = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer(1000, { external_id: ext })] },
    });
    await settle();
    const before = await balance(ACC.operations);
    const b = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer(1000, { external_id: ext })] },
    });
    expect(b.body.transfers[0].state).toBe("duplicated");
    await settle();
    expect((await get(b.body.transfers[0].id)).batch.state).toBe("duplicated");
    expect(await balance(ACC.operations)).toBe(before);
    const c = (await s.admin("GET", `/counts?external_id=${ext}`)).body;
    expect(c).toMatchObject({ transfers: 1, transfers_duplicated: 1 });
    expect(
      (await s.call("GET", `/v1/transfers?external_id=${ext}`)).body.transfers
        .map((t: { id: string }) => t.id)
        .sort(),
    ).toEqual([a.body.transfers[0].id, b.body.transfers[0].id].sort());
  });

  it("bank_transfer_change_final_state flips approved → declined → approved and keeps the balance right", async () => {
    const r = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer(7000)] },
    });
    await settle();
    const id = r.body.transfers[0].id;
    const afterDebit = await balance(ACC.operations);
    const flip = await s.admin("POST", `/transfers/${id}/change_final_state`, {
      state: "declined",
      declination_reason: "declined_by_destination_bank",
    });
    expect(flip.body).toMatchObject({
      state: "declined",
      declination_reason: "declined_by_destination_bank",
    });
    expect(await balance(ACC.operations)).toBe(afterDebit + 7000);
    await s.admin("POST", `/transfers/${id}/change_final_state`, {});
    expect(await balance(ACC.operations)).toBe(afterDebit);
    const pending = await s.call("POST", "/v1/transfers", {
      body: { account_id: ACC.operations, transfers: [transfer()] },
    });
    expectEnvelope(
      await s.admin("POST", `/transfers/${pending.body.transfers[0].id}/change_final_state`, {}),
      409,
      "validation_error",
    );
  });
});

describe("GET /v1/transfers filters and sort", () => {
  it("filters by batch, account, state, payee account, payee document, external_id, dates; sorts", async () => {
    const t = await boot();
    try {
      const doc = payee("55566677788");
      const a = await t.call("POST", "/v1/transfers", {
        body: {
          account_id: ACC.operations,
          transfers: [transfer(300), transfer(100, { payee: doc, external_id: "ext-a" })],
        },
      });
      const b = await t.call("POST", "/v1/transfers", {
        body: { account_id: ACC.payroll, transfers: [transfer(200)] },
      });
      await t.admin("POST", "/run_pending");
      const ids = async (q: string) =>
        (await t.call("GET", `/v1/transfers?${q}`)).body.transfers.map((x: { id: string }) => x.id);
      expect(await ids(`batch_id=${a.body.batch.id}`)).toHaveLength(2);
      expect(await ids(`account_id=${ACC.payroll}`)).toEqual([b.body.transfers[0].id]);
      expect(await ids("state=approved")).toHaveLength(3);
      expect(await ids("state=declined")).toHaveLength(0);
      expect(await ids("payee_document[number]=55566677788&payee_document[type]=CC")).toEqual([
        a.body.transfers[1].id,
      ]);
      expect(await ids("external_id=ext-a")).toEqual([a.body.transfers[1].id]);
      expect(await ids("entity_id=ext-a")).toEqual([a.body.transfers[1].id]);
      expect(await ids("payee_account_number=00123456789")).toHaveLength(3);
      expect(await ids(`id=${b.body.transfers[0].id}`)).toEqual([b.body.transfers[0].id]);
      expect(
        await ids("inserted_at[from]=2000-01-01T00:00:00Z&inserted_at[until]=2001-01-01T00:00:00Z"),
      ).toEqual([]);
      expect(
        await ids(`inserted_at[from]=${new Date(Date.now() - 60_000).toISOString()}`),
      ).toHaveLength(3);
      const amounts = async (q: string) =>
        (await t.call("GET", `/v1/transfers?${q}`)).body.transfers.map(
          (x: { amount: { amount: number } }) => x.amount.amount,
        );
      expect(await amounts("sort[field]=amount&sort[type]=asc")).toEqual([100, 200, 300]);
      expect(await amounts("sort[field]=amount&sort[type]=desc")).toEqual([300, 200, 100]);
      expect((await ids("")).at(-1)).toBe(a.body.transfers[0].id); // default inserted_at desc
      const r = await t.call("GET", "/v1/transfers?page_size=10");
      expect(r.body.pagination).toEqual({
        page_number: 1,
        page_size: 10,
        total_items: 3,
        total_pages: 1,
      });
      for (const tr of r.body.transfers) expect(tr.id).toMatch(ID_RE);
    } finally {
      await t.close();
    }
  });

  it("rejects bad filters with 400/422", async () => {
    expectEnvelope(
      await s.call("GET", "/v1/transfers?state=lost"),
      400,
      "invalid_format",
      "#/state",
    );
    expectEnvelope(
      await s.call("GET", "/v1/transfers?payee_account_number=123"),
      400,
      "invalid_format",
      "#/payee_account_number",
    );
    expectEnvelope(
      await s.call("GET", "/v1/transfers?payee_document[number]=123"),
      422,
      "missing_field",
      "#/payee_document/type",
    );
    expectEnvelope(await s.call("GET", "/v1/transfers?sort[field]=name"), 400, "invalid_format");
    expectEnvelope(
      await s.call("GET", "/v1/transfers?inserted_at[from]=yesterday"),
      400,
      "invalid_format",
      "#/inserted_at/from",
    );
    expectEnvelope(
      await s.call("GET", "/v1/transfers?page_size=501"),
      400,
      "invalid_format",
      "#/page_size",
    );
  });

  it("every role can list", async () => {
    for (const key of Object.values(KEYS))
      expect((await s.call("GET", "/v1/transfers", { key })).status).toBe(200);
  });
});
