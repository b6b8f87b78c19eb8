import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MonoApiError, MonoNetworkError, type MonoError } from "@/lib/mono";
import { expectNoSecrets, fastClient, firstN, opId, recorder, rowsFor, sandbox } from "./helpers";

// Retryable faults: attempt counts, the request log rows, and what went on the wire.
let sb: Awaited<ReturnType<typeof sandbox>>;
const rec = recorder();
let client: ReturnType<typeof fastClient>;

beforeAll(async () => {
  sb = await sandbox();
  client = fastClient(sb.url, rec);
});
afterAll(async () => {
  await client.close();
  await sb.close();
  await expectNoSecrets();
});

async function failure(p: Promise<unknown>): Promise<MonoError> {
  try {
    await p;
  } catch (e) {
    return e as MonoError;
  }
  throw new Error("expected the call to fail");
}

describe("retryable faults are retried, one RequestLog row per attempt", () => {
  it.each([
    ["status=408", 408, "4xx"],
    ["status=500", 500, "5xx"],
    ["status=502", 502, "5xx"],
    ["status=503", 503, "5xx"],
    ["status=504", 504, "5xx"],
  ])("%s twice, then success: 3 attempts", async (fault, status, statusClass) => {
    rec.setPlan(firstN(2, fault));
    const op = opId(`retry_${status}`);
    const res = await client.listAccounts({}, { operationId: op });
    expect(res.accounts.length).toBeGreaterThan(0);
    expect(rec.sent).toHaveLength(3);

    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.attempt, r.status, r.statusClass])).toEqual([
      [1, status, statusClass],
      [2, status, statusClass],
      [3, 200, "2xx"],
    ]);
    // One call, one trace; a fresh request id and span per attempt, echoed in the rows.
    expect(new Set(rows.map((r) => r.callId)).size).toBe(1);
    expect(new Set(rows.map((r) => r.traceId)).size).toBe(1);
    expect(rows.map((r) => r.requestId)).toEqual(rec.sent.map((s) => s.headers["x-request-id"]));
    const spans = rec.sent.map((s) => s.headers.traceparent);
    for (const tp of spans)
      expect(tp).toMatch(new RegExp(`^00-${rows[0].traceId}-[0-9a-f]{16}-01$`));
    expect(new Set(spans).size).toBe(3);
    for (const r of rows) {
      expect(r.monoLogId).toMatch(/^log_/);
      expect(r.endpoint).toBe("GET /v1/accounts");
      expect(r.path).toBe("/v1/accounts");
      expect(r.apiKeyLabel).toBe("interactive");
      expect(r.method).toBe("GET");
    }
    expect(rows[0]).toMatchObject({ delayBeforeMs: 0, delayReason: null });
    expect(rows[1].delayBeforeMs).toBeGreaterThanOrEqual(10);
    expect(rows[1].delayReason).toBe("backoff");
    expect(rows[2].delayBeforeMs).toBeGreaterThanOrEqual(20);
    if (status !== 408 && status !== 500)
      expect(rows[0].errorCode).toMatch(/bad_gateway|service_is_unavailable|gateway_timeout/);
    expect(rows[2].errorCode).toBeNull();
  });

  it("429 with Retry-After (seconds): the next attempt waits at least that long", async () => {
    rec.setPlan(firstN(1, "status=429;retry_after=1"));
    const op = opId("429");
    const t0 = Date.now();
    await client.listAccounts({}, { operationId: op });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_000);
    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.statusClass, r.errorCode])).toEqual([
      ["429", "rate_limited"],
      ["2xx", null],
    ]);
    expect(rows[1]).toMatchObject({ delayReason: "retry_after", delayBeforeMs: 1_000 });
  });

  it("429 with Retry-After as an HTTP date is honoured too", async () => {
    rec.setPlan(firstN(1, "status=429;retry_after_date=2"));
    const op = opId("429date");
    await client.listAccounts({}, { operationId: op });
    const rows = await rowsFor(op);
    expect(rows[1].delayReason).toBe("retry_after");
    // HTTP dates have 1 s resolution: at least 1 s, never the 10 ms backoff.
    expect(rows[1].delayBeforeMs).toBeGreaterThanOrEqual(1_000);
  });

  it("a reset connection is a network error and is retried", async () => {
    rec.setPlan(firstN(1, "reset"));
    const op = opId("reset");
    await client.listAccounts({}, { operationId: op });
    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.status, r.statusClass, r.errorCode])).toEqual([
      [null, "network", "reset"],
      [200, "2xx", null],
    ]);
    expect(rows[0].monoLogId).toBeNull();
  });

  it("hang → response timeout → retry succeeds", async () => {
    rec.setPlan(firstN(1, "hang=5000"));
    const op = opId("hang");
    const t0 = Date.now();
    await client.listAccounts({}, { operationId: op });
    expect(Date.now() - t0).toBeLessThan(3_000);
    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.statusClass, r.errorCode])).toEqual([
      ["network", "timeout"],
      ["2xx", null],
    ]);
    expect(rows[0].durationMs).toBeGreaterThanOrEqual(380);
  });

  it("gives up after 5 retries (6 attempts) and surfaces the last error", async () => {
    rec.setPlan(() => "status=503");
    const op = opId("max");
    const err = await failure(client.listAccounts({}, { operationId: op }));
    expect(err).toBeInstanceOf(MonoApiError);
    expect(err).toMatchObject({ status: 503, errorCode: "service_is_unavailable" });
    expect(err.call).toMatchObject({ attempts: 6, stoppedBy: "max_retries" });
    expect((err as MonoApiError).logId).toMatch(/^log_/);
    expect(await rowsFor(op)).toHaveLength(6);
  });

  it("the whole-call deadline stops a hanging call, with a row for the attempt", async () => {
    const short = fastClient(sb.url, rec, {
      timeouts: { connectMs: 1_000, responseMs: 5_000, totalMs: 300 },
    });
    rec.setPlan(() => "hang=5000");
    const op = opId("deadline");
    const err = await failure(short.listAccounts({}, { operationId: op }));
    expect(err).toBeInstanceOf(MonoNetworkError);
    expect(err).toMatchObject({ kind: "deadline" });
    expect(err.call?.stoppedBy).toBe("deadline");
    const rows = await rowsFor(op);
    expect(rows.map((r) => r.errorCode)).toEqual(["deadline"]);
    await short.close();
  });

  it("a refused connection is a network error of kind refused", async () => {
    const dead = fastClient("http://127.0.0.1:1", rec, {
      backoff: { baseMs: 1, capMs: 2, jitterMs: 1, maxRetries: 1 },
    });
    rec.setPlan(() => null);
    const op = opId("refused");
    const err = await failure(dead.listAccounts({}, { operationId: op }));
    expect(err).toMatchObject({ kind: "refused" });
    expect(err.call).toMatchObject({ attempts: 2, stoppedBy: "max_retries" });
    await dead.close();
  });
});
