// Fault injection over real HTTP: per-request header and per-run configuration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boot, expectEnvelope, payoutBody, type TBooted } from "./helpers";

let s: TBooted;
beforeAll(async () => {
  s = await boot({ allowFaults: true });
});
afterAll(() => s.close());

const payouts = async (t: TBooted = s) =>
  (await t.admin("GET", "/duplicates")).body.payouts as number;

describe("x-sandbox-fault header", () => {
  it("is ignored unless faults are allowed", async () => {
    const t = await boot();
    try {
      expect((await t.call("GET", "/v1/accounts", { fault: "status=503" })).status).toBe(200);
      expect((await t.call("GET", "/v1/accounts", { fault: "garbage" })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("a malformed header is a 400 invalid_format", async () => {
    for (const f of [
      "status=418",
      "bogus",
      "after_commit",
      "status=429;after_commit",
      "reset;status=500",
      "latency=-1",
      "retry_after=2",
    ]) {
      expectEnvelope(
        await s.call("GET", "/v1/accounts", { fault: f }),
        400,
        "invalid_format",
        "#/headers/x-sandbox-fault",
      );
    }
  });

  it("latency=300 delays the response", async () => {
    const t0 = Date.now();
    expect((await s.call("GET", "/v1/accounts", { fault: "latency=300" })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it("429 with Retry-After in seconds or as an HTTP date", async () => {
    const a = await s.call("GET", "/v1/accounts", { fault: "status=429;retry_after=2" });
    expect(a.status).toBe(429);
    expect(a.headers.get("retry-after")).toBe("2");
    expect(a.body.errors[0].error_code).toBe("rate_limited");
    expect(a.body.code).toBe("429 Too Many Requests");
    const b = await s.call("GET", "/v1/accounts", { fault: "status=429;retry_after_date=3" });
    const when = Date.parse(b.headers.get("retry-after") ?? "");
    expect(when - Date.now()).toBeGreaterThan(1000);
    expect(when - Date.now()).toBeLessThan(4500);
    const c = await s.call("GET", "/v1/accounts", { fault: "status=503;retry_after=5" });
    expectEnvelope(c, 503, "service_is_unavailable");
    expect(c.headers.get("retry-after")).toBe("5");
  });

  it.each([500, 502, 503, 504, 408])(
    "status=%i before commit: the envelope and nothing written",
    async (st) => {
      const before = await payouts();
      const r = await s.call("POST", "/v1/core/payouts", {
        body: payoutBody(),
        fault: `status=${st}`,
      });
      expect(r.status).toBe(st);
      expect(r.body.code.startsWith(String(st))).toBe(true);
      expect(r.headers.get("x-mono-log-id")).toBe(r.body.id);
      expect(await payouts()).toBe(before);
    },
  );

  it("reset drops the connection, before or after commit", async () => {
    const before = await payouts();
    await expect(
      s.call("POST", "/v1/core/payouts", { body: payoutBody(), fault: "reset" }),
    ).rejects.toThrow();
    expect(await payouts()).toBe(before);
    await expect(
      s.call("POST", "/v1/core/payouts", { body: payoutBody(), fault: "reset;after_commit" }),
    ).rejects.toThrow();
    expect(await payouts()).toBe(before + 1);
  });

  it("hang outlives the client's timeout; nothing written before commit", async () => {
    const before = await payouts();
    const t0 = Date.now();
    await expect(
      s.call("POST", "/v1/core/payouts", {
        body: payoutBody(),
        fault: "hang",
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(2000);
    await expect(s.call("GET", "/v1/accounts", { fault: "hang=150" })).rejects.toThrow(); // server gives up and drops it
    expect(await payouts()).toBe(before);
  });

  it("none disables the per-run dice for that request", async () => {
    await s.admin("PUT", "/faults", { rates: { status_5xx: 1 } });
    try {
      expect((await s.call("GET", "/v1/accounts")).status).toBeGreaterThanOrEqual(500);
      expect((await s.call("GET", "/v1/accounts", { fault: "none" })).status).toBe(200);
    } finally {
      await s.admin("PUT", "/faults", {});
    }
  });
});

describe("per-run fault configuration", () => {
  it("options.faults applies rates; the admin surface is never faulted", async () => {
    const t = await boot({
      allowFaults: true,
      faults: { rates: { status_429: 1 }, retryAfterSeconds: 7 },
    });
    try {
      const r = await t.call("GET", "/v1/accounts");
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("7");
      expect((await t.admin("GET", "/state")).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("faults configured without allowFaults do nothing", async () => {
    const t = await boot({ faults: { rate: 1 } });
    try {
      expect((await t.call("GET", "/v1/accounts")).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("the text form and applyTo=writes; PUT /_sandbox/faults changes it at runtime", async () => {
    const put = await s.admin("PUT", "/faults", { text: "5xx_after_commit=1,apply_to=writes" });
    expect(put.body.config).toMatchObject({
      rates: { status_5xx_after_commit: 1 },
      applyTo: "writes",
    });
    try {
      expect((await s.call("GET", "/v1/accounts")).status).toBe(200);
      const before = await payouts();
      const body = payoutBody();
      const r = await s.call("POST", "/v1/core/payouts", { body });
      expect(r.status).toBeGreaterThanOrEqual(500);
      expect(await payouts()).toBe(before + 1); // committed although the client saw a 5xx
    } finally {
      await s.admin("PUT", "/faults", {});
    }
    expectEnvelope(await s.admin("PUT", "/faults", { text: "explode=1" }), 400, "invalid_format");
    expect((await s.admin("GET", "/faults")).body).toEqual({ allowed: true, config: {} });
  });

  it("rate splits over 429, 5xx, 5xx-after-commit, reset, reset-after-commit; a seed makes it reproducible", async () => {
    const run = async () => {
      const t = await boot({ allowFaults: true, faults: { rate: 0.5, seed: 42 } });
      try {
        const out: string[] = [];
        for (let i = 0; i < 40; i++) {
          const r = await t.call("GET", "/v1/accounts").then(
            (x) => String(x.status),
            () => "reset",
          );
          out.push(r);
        }
        return out;
      } finally {
        await t.close();
      }
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a.filter((x) => x === "200").length).toBeGreaterThan(5);
    expect(a.filter((x) => x !== "200").length).toBeGreaterThan(5);
  });

  it("latency rate adds latencyMs", async () => {
    const t = await boot({ allowFaults: true, faults: { rates: { latency: 1 }, latencyMs: 200 } });
    try {
      const t0 = Date.now();
      expect((await t.call("GET", "/v1/accounts")).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(180);
    } finally {
      await t.close();
    }
  });

  it("the request log records the fault applied", async () => {
    const r = await s.call("GET", "/v1/accounts", { fault: "latency=5;status=502" });
    const log = (await s.admin("GET", `/requests?log_id=${r.body.id}`)).body.requests[0];
    expect(log).toMatchObject({ status: 502, fault: "latency=5;status=502", path: "/v1/accounts" });
  });
});
