// Banking reads, auth and the envelope: GET /v1/accounts, /v1/accounts/{id}/balances, /v1/banks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACC, boot, expectEnvelope, ID_RE, KEYS, type TBooted } from "./helpers";

let s: TBooted;
beforeAll(async () => {
  s = await boot();
});
afterAll(() => s.close());

describe("GET /v1/accounts", () => {
  it("lists the seeded accounts with COP balances in minor units and the pagination object", async () => {
    const r = await s.call("GET", "/v1/accounts");
    expect(r.status).toBe(200);
    expect(r.headers.get("x-mono-log-id")).toMatch(/^log_[0-9A-Za-z]{22}$/);
    expect(r.body.pagination).toEqual({
      page_number: 1,
      page_size: 10,
      total_items: 3,
      total_pages: 1,
    });
    const ops = r.body.accounts.find((a: { id: string }) => a.id === ACC.operations);
    expect(ops).toMatchObject({
      provider: "coopcentral",
      state: "active",
      type: "savings_account",
      balance: { available: { amount: 85_000_000_000, currency: "COP" } },
    });
    for (const a of r.body.accounts) {
      expect(a.id).toMatch(ID_RE);
      expect(Number.isInteger(a.balance.available.amount)).toBe(true);
      expect(new Date(a.inserted_at).toISOString()).toBe(a.inserted_at);
    }
    expect(r.body.accounts[0].id).toBe(ACC.operations); // newest first
  });

  it("every role can read", async () => {
    for (const key of Object.values(KEYS))
      expect((await s.call("GET", "/v1/accounts", { key })).status).toBe(200);
  });

  it("pages: page_size 10..500, page_number ≥ 1", async () => {
    for (const q of [
      "page_size=9",
      "page_size=501",
      "page_size=abc",
      "page_size=-10",
      "page_size=10.5",
    ]) {
      expectEnvelope(
        await s.call("GET", `/v1/accounts?${q}`),
        400,
        "invalid_format",
        "#/page_size",
      );
    }
    for (const q of ["page_number=0", "page_number=x", "page_number=-1"]) {
      expectEnvelope(
        await s.call("GET", `/v1/accounts?${q}`),
        400,
        "invalid_format",
        "#/page_number",
      );
    }
    const edge = await s.call("GET", "/v1/accounts?page_size=500&page_number=1");
    expect(edge.body.pagination.page_size).toBe(500);
    const min = await s.call("GET", "/v1/accounts?page_size=10&page_number=2");
    expect(min.status).toBe(200);
    expect(min.body.accounts).toEqual([]);
    expect(min.body.pagination).toMatchObject({ page_number: 2, total_items: 3, total_pages: 1 });
  });
});

describe("auth", () => {
  it("401 without a header, with a malformed one, with an unknown key", async () => {
    expectEnvelope(
      await s.call("GET", "/v1/accounts", { key: null }),
      401,
      "missing_authorization_header",
    );
    expectEnvelope(
      await s.call("GET", "/v1/accounts", { key: null, headers: { authorization: "Basic abc" } }),
      401,
      "expired_token",
    );
    expectEnvelope(
      await s.call("GET", "/v1/accounts", { key: "sk_revoked" }),
      401,
      "expired_token",
    );
  });

  it("403 when the role may not call the endpoint", async () => {
    const body = { account_id: ACC.operations, transfers: [] };
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
    expectEnvelope(
      await s.call("POST", "/v1/transfers/prepare", { key: KEYS.viewer, body }),
      403,
      "not_authorized",
    );
  });

  it("custom keys replace the defaults", async () => {
    const t = await boot({ apiKeys: [{ key: "k_custom", role: "Viewer" }] });
    try {
      expect((await t.call("GET", "/v1/accounts", { key: "k_custom" })).status).toBe(200);
      expect((await t.call("GET", "/v1/accounts", { key: KEYS.admin })).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe("GET /v1/accounts/{id}/balances", () => {
  it("returns the available balance, with or without live", async () => {
    for (const q of ["", "?live=true", "?live=false"]) {
      const r = await s.call("GET", `/v1/accounts/${ACC.payroll}/balances${q}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        id: ACC.payroll,
        available: { amount: 32_000_000_000, currency: "COP" },
      });
    }
  });
  it("400 on a bad live flag, 404 on an unknown account", async () => {
    expectEnvelope(
      await s.call("GET", `/v1/accounts/${ACC.payroll}/balances?live=maybe`),
      400,
      "invalid_format",
      "#/live",
    );
    expectEnvelope(
      await s.call("GET", "/v1/accounts/acc_0000000000000000000000/balances"),
      404,
      "item_not_found",
    );
  });
});

describe("GET /v1/banks", () => {
  it("lists Colombian banks for transfers (with account types) and for PSE", async () => {
    const t = await s.call("GET", "/v1/banks");
    expect(t.body.kind).toBe("transfers");
    const byCode = new Map(t.body.banks.map((b: { code: string; name: string }) => [b.code, b]));
    for (const code of ["1007", "1001", "1051", "1013", "1507"])
      expect(byCode.has(code)).toBe(true);
    expect(byCode.get("1051")).toMatchObject({
      name: "BANCO DAVIVIENDA",
      account_types: expect.arrayContaining(["savings_account"]),
    });
    const p = await s.call("GET", "/v1/banks?kind=pse");
    expect(p.body.kind).toBe("pse");
    expect(p.body.banks.length).toBeGreaterThan(10);
    expect(p.body.banks[0].account_types).toBeUndefined();
    expectEnvelope(await s.call("GET", "/v1/banks?kind=cards"), 400, "invalid_format", "#/kind");
  });
});

describe("routing", () => {
  it("unknown routes are 404 in Mono's envelope, with the log id header", async () => {
    expectEnvelope(await s.call("GET", "/v1/nope"), 404, "item_not_found");
    expectEnvelope(await s.call("DELETE", "/v1/accounts"), 404, "item_not_found");
  });
  it("echoes x-request-id", async () => {
    const r = await s.call("GET", "/v1/accounts", { headers: { "x-request-id": "req_abc" } });
    expect(r.headers.get("x-request-id")).toBe("req_abc");
  });
  it("the admin surface does not exist unless enabled", async () => {
    const t = await boot({ adminEnabled: false });
    try {
      expectEnvelope(await t.admin("GET", "/state"), 404, "item_not_found");
    } finally {
      await t.close();
    }
  });
  it("the admin token guards the admin surface when set", async () => {
    const t = await boot({ adminToken: "s3cret" });
    try {
      expectEnvelope(await t.admin("GET", "/state"), 401, "missing_authorization_header");
      expect(
        (
          await t.call("GET", "/_sandbox/state", {
            key: null,
            headers: { "x-sandbox-admin-token": "s3cret" },
          })
        ).status,
      ).toBe(200);
      expectEnvelope(
        await t.call("GET", "/_sandbox/state", {
          key: null,
          headers: { "x-sandbox-admin-token": "nope" },
        }),
        401,
        "expired_token",
      );
    } finally {
      await t.close();
    }
  });
});
