// x-idempotency-key: UUID v4, replay (200, stored body), mismatch (409), concurrency (409),
// 24 h retention on the sandbox clock, 429/5xx never stored, after-commit 5xx replayed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACC,
  boot,
  expectEnvelope,
  LACC,
  payoutBody,
  transfer,
  uuid,
  type TBooted,
} from "./helpers";

let s: TBooted;
beforeAll(async () => {
  s = await boot({ allowFaults: true });
});
afterAll(() => s.close());

const dups = async () => (await s.admin("GET", "/duplicates")).body;

describe("x-idempotency-key format", () => {
  it.each([
    "not-a-uuid",
    "f30f1d0b-795f-19f5-80dc-41a7bffccfde",
    "f30f1d0b795f49f580dc41a7bffccfde",
    "payroll-2026-05-06-emp-1042",
    "",
  ])("%j → 400 invalid_format", async (key) => {
    const before = await dups();
    const r = await s.call("POST", "/v1/core/payouts", {
      body: payoutBody(),
      headers: { "x-idempotency-key": key },
    });
    expectEnvelope(r, 400, "invalid_format", "#/headers/x-idempotency-key");
    expect(await dups()).toEqual(before);
  });
  it("upper-case UUID v4 is accepted", async () => {
    const r = await s.call("POST", "/v1/core/payouts", {
      body: payoutBody(),
      idem: uuid().toUpperCase(),
    });
    expect(r.status).toBe(201);
  });
  it("GETs ignore the header", async () => {
    expect(
      (await s.call("GET", "/v1/accounts", { headers: { "x-idempotency-key": "nope" } })).status,
    ).toBe(200);
  });
});

describe("replay and mismatch", () => {
  it("same key + same body → the stored response with 200, nothing new (key order and whitespace do not matter)", async () => {
    const key = uuid();
    const body = { account_id: ACC.operations, transfers: [transfer(), transfer(200)] };
    const first = await s.call("POST", "/v1/transfers", { body, idem: key });
    expect(first.status).toBe(201);
    const reordered = JSON.stringify(
      { transfers: body.transfers, account_id: body.account_id },
      null,
      2,
    );
    const second = await s.call("POST", "/v1/transfers", { raw: reordered, idem: key });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("x-mono-log-id")).not.toBe(first.headers.get("x-mono-log-id"));
    const c = (await s.admin("GET", `/counts?idempotency_key=${key}`)).body.by_key;
    expect(c).toMatchObject({ batches: 1, transfers: 2 });
  });

  it("same key + other body → 409 idempotency_key_reused; other endpoint → 409", async () => {
    const key = uuid();
    await s.call("POST", "/v1/core/payouts", { body: payoutBody(), idem: key });
    const before = await dups();
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { body: payoutBody(), idem: key }),
      409,
      "idempotency_key_reused",
      "#/headers/x-idempotency-key",
    );
    expectEnvelope(
      await s.call("POST", "/v1/transfers", {
        body: { account_id: ACC.operations, transfers: [transfer()] },
        idem: key,
      }),
      409,
      "idempotency_key_reused",
    );
    expect(await dups()).toEqual(before);
  });

  it("a stored 4xx is replayed as is", async () => {
    const key = uuid();
    const body = payoutBody({ account_id: "lacc_0000000000000000000000" });
    const a = await s.call("POST", "/v1/core/payouts", { body, idem: key });
    expectEnvelope(a, 422, "item_not_found");
    const b = await s.call("POST", "/v1/core/payouts", { body, idem: key });
    expect(b.status).toBe(422);
    expect(b.body.id).toBe(a.body.id);
  });

  it("same key while the first request is still running → 409 idempotency_key_in_use", async () => {
    const key = uuid();
    const body = payoutBody();
    const slow = s.call("POST", "/v1/core/payouts", { body, idem: key, fault: "latency=400" });
    await new Promise((r) => setTimeout(r, 100));
    expectEnvelope(
      await s.call("POST", "/v1/core/payouts", { body, idem: key }),
      409,
      "idempotency_key_in_use",
    );
    expect((await slow).status).toBe(201);
    expect((await s.call("POST", "/v1/core/payouts", { body, idem: key })).status).toBe(200);
    expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(1);
  });

  it("20 concurrent identical requests create exactly one payout", async () => {
    const key = uuid();
    const body = payoutBody();
    const all = await Promise.all(
      Array.from({ length: 20 }, () =>
        s.call("POST", "/v1/core/payouts", { body, idem: key, fault: "latency=50" }),
      ),
    );
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.every((x) => x === 201 || x === 409 || x === 200)).toBe(true);
    expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(1);
    expect((await dups()).duplicates).toEqual([]);
  });
});

describe("retention", () => {
  it("keys are kept 24 h of sandbox time, then forgotten", async () => {
    const t = await boot();
    try {
      const key = uuid();
      const body = { account_id: ACC.operations, transfers: [transfer()] };
      expect((await t.call("POST", "/v1/transfers", { body, idem: key })).status).toBe(201);
      await t.admin("POST", "/clock/advance", { ms: 24 * 3600 * 1000 - 60_000 });
      expect((await t.call("POST", "/v1/transfers", { body, idem: key })).status).toBe(200);
      await t.admin("POST", "/clock/advance", { ms: 120_000 });
      // forgotten: the same key now starts a new operation
      expect((await t.call("POST", "/v1/transfers", { body, idem: key })).status).toBe(201);
      expect((await t.admin("GET", `/counts?idempotency_key=${key}`)).body.by_key.batches).toBe(2);
    } finally {
      await t.close();
    }
  });
});

describe("429 and 5xx are never stored", () => {
  it.each(["status=429;retry_after=1", "status=500", "status=502", "status=503", "status=504"])(
    "%s before commit: nothing created; the retry runs for real",
    async (fault) => {
      const key = uuid();
      const body = payoutBody();
      const r = await s.call("POST", "/v1/core/payouts", { body, idem: key, fault });
      expect(r.status).toBe(Number(/status=(\d+)/.exec(fault)![1]));
      expect(r.body.id).toMatch(/^log_/);
      expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(
        0,
      );
      const retry = await s.call("POST", "/v1/core/payouts", { body, idem: key });
      expect(retry.status).toBe(201);
    },
  );

  it.each([
    "status=500;after_commit",
    "status=503;after_commit",
    "reset;after_commit",
    "hang=150;after_commit",
  ])("%s: committed; the retry with the same key replays 200, no duplicate", async (fault) => {
    const key = uuid();
    const body = payoutBody();
    const first = await s
      .call("POST", "/v1/core/payouts", {
        body,
        idem: key,
        fault,
        signal: AbortSignal.timeout(1000),
      })
      .catch((e: Error) => e);
    if (!(first instanceof Error)) expect(first.status).toBeGreaterThanOrEqual(500);
    const retry = await s.call("POST", "/v1/core/payouts", { body, idem: key });
    expect(retry.status).toBe(200);
    expect(retry.body.external_id).toBe(body.external_id);
    expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(1);
    expect((await dups()).duplicates).toEqual([]);
  });

  it("after commit without a key: the external_id still protects payouts (200 with the original)", async () => {
    const body = payoutBody();
    const first = await s.call("POST", "/v1/core/payouts", {
      body,
      fault: "status=502;after_commit",
    });
    expect(first.status).toBe(502);
    const retry = await s.call("POST", "/v1/core/payouts", { body });
    expect(retry.status).toBe(200);
    expect((await s.admin("GET", `/counts?external_id=${body.external_id}`)).body.payouts).toBe(1);
    const bal = (
      await s.call(
        "GET",
        `/v1/ledger/accounts/${LACC.suppliers}/transactions?origin=payout&operation_type=hold&page_size=500`,
      )
    ).body.transactions;
    expect(
      bal.filter((t: { id_in_origin: string }) => t.id_in_origin === retry.body.id),
    ).toHaveLength(1);
  });
});
