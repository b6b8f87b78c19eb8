import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MonoApiError,
  MonoCircuitOpenError,
  type MonoError,
  type TBreakerChange,
} from "@/lib/mono";
import {
  BATCH_KEY,
  KEY,
  SECRETS,
  SUPPLIERS,
  capturingLogger,
  expectNoSecrets,
  fastClient,
  firstN,
  opId,
  recorder,
  rowsFor,
  sandbox,
} from "./helpers";

// Protecting Mono and ourselves: retry budget, circuit breaker, concurrency bound, batch key.
let sb: Awaited<ReturnType<typeof sandbox>>;
const rec = recorder();
const logger = capturingLogger();

beforeAll(async () => {
  sb = await sandbox();
});
afterAll(async () => {
  await sb.close();
  await expectNoSecrets();
  // Nor in any log line the client wrote during this file.
  for (const key of SECRETS) expect(logger.lines.filter((l) => l.includes(key))).toEqual([]);
});

async function failure(p: Promise<unknown>): Promise<MonoError> {
  try {
    await p;
  } catch (e) {
    return e as MonoError;
  }
  throw new Error("expected the call to fail");
}

describe("retry budget", () => {
  it("stops retrying when the bucket is empty and says so", async () => {
    // Capacity 10, retry cost 5: two retries in total, then failures surface at once.
    const c = fastClient(sb.url, rec, {
      retryBudget: { capacity: 10, retryCost: 5, timeoutRetryCost: 10, successRefund: 1 },
      logger,
    });
    rec.setPlan(() => "status=503");
    const e1 = await failure(c.listAccounts());
    expect(e1.call).toMatchObject({ attempts: 3, stoppedBy: "budget_exhausted" });
    expect(c.health().budget).toEqual({ available: 0, capacity: 10 });
    const e2 = await failure(c.listAccounts());
    expect(e2.call).toMatchObject({ attempts: 1, stoppedBy: "budget_exhausted" });
    // Healthy again: successes refill the bucket.
    rec.setPlan(() => null);
    for (let i = 0; i < 5; i++) await c.listAccounts();
    expect(c.health().budget.available).toBe(5);
    await c.close();
  });
});

describe("circuit breaker", () => {
  it("opens after consecutive failures, fails fast, half-opens, and closes on success", async () => {
    const changes: TBreakerChange[] = [];
    const c = fastClient(sb.url, rec, {
      breaker: { consecutiveFailures: 3, halfOpenAfterMs: 2_000 },
      onBreakerStateChange: (ch) => changes.push(ch),
      logger,
    });
    rec.setPlan(() => "status=502");
    const op = opId("breaker");
    const err = await failure(c.getLedgerBalance(SUPPLIERS, { operationId: op }));
    // The third failure opened the circuit; the fourth attempt was never sent.
    expect(err).toBeInstanceOf(MonoApiError);
    expect(err.call).toMatchObject({ attempts: 3, stoppedBy: "circuit_open" });
    expect(rec.sent).toHaveLength(3);
    expect(await rowsFor(op)).toHaveLength(3);
    expect(c.health().breaker).toBe("open");
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      from: "closed",
      to: "open",
      lastFailure: "502 bad_gateway",
    });
    expect(logger.lines.some((l) => l.includes("mono.breaker.open"))).toBe(true);

    const fast = await failure(c.listAccounts());
    expect(fast).toBeInstanceOf(MonoCircuitOpenError);
    expect(fast.call).toMatchObject({ attempts: 0, stoppedBy: "circuit_open" });
    expect(rec.sent).toHaveLength(3);

    await new Promise((r) => setTimeout(r, 2_100));
    rec.setPlan(() => null);
    await c.listAccounts();
    expect(changes.map((ch) => ch.to)).toEqual(["open", "half_open", "closed"]);
    expect(c.health().breaker).toBe("closed");
    await c.close();
  });

  it("4xx answers do not trip the breaker", async () => {
    const c = fastClient(sb.url, rec, {
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      logger,
    });
    rec.setPlan(() => null);
    for (let i = 0; i < 4; i++) await failure(c.getPayout("cpout_0000000000000000000000"));
    expect(c.health().breaker).toBe("closed");
    await c.close();
  });
});

describe("bounded concurrency and traffic classes", () => {
  it("never has more than maxInFlight requests on the wire", async () => {
    const c = fastClient(sb.url, rec, { maxInFlight: 4, logger });
    rec.setPlan(() => "latency=60");
    let peak = 0;
    let peakQueued = 0;
    const calls = Array.from({ length: 16 }, () => c.getLedgerBalance(SUPPLIERS, { live: true }));
    const sampler = setInterval(() => {
      const h = c.health();
      peak = Math.max(peak, h.inFlight);
      peakQueued = Math.max(peakQueued, h.queued);
    }, 5);
    const t0 = Date.now();
    await Promise.all(calls);
    clearInterval(sampler);
    expect(peak).toBe(4);
    expect(peakQueued).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4 * 60 - 20); // 16 calls, 4 at a time, 60 ms each
    expect(c.health()).toMatchObject({ inFlight: 0, queued: 0 });
    await c.close();
  });

  it("batch traffic uses the batch key and is capped below the shared limit", async () => {
    const c = fastClient(sb.url, rec, { maxInFlight: 4, maxInFlightBatch: 1, logger });
    rec.setPlan(() => "latency=40");
    const op = opId("batch");
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, c.health().inFlight)), 5);
    await Promise.all(
      Array.from({ length: 4 }, () => c.listAccounts({}, { traffic: "batch", operationId: op })),
    );
    clearInterval(sampler);
    expect(peak).toBe(1);
    expect(rec.sent.every((s) => s.headers.authorization === `Bearer ${BATCH_KEY}`)).toBe(true);
    const rows = await rowsFor(op);
    expect(rows.map((r) => r.apiKeyLabel)).toEqual(["batch", "batch", "batch", "batch"]);
    await c.close();
  });

  it("batch traffic falls back to the interactive key (and label) when no batch key is configured", async () => {
    const c = fastClient(sb.url, rec, { batchApiKey: null, logger });
    rec.setPlan(firstN(0, ""));
    const op = opId("nobatch");
    await c.listAccounts({}, { traffic: "batch", operationId: op });
    expect(rec.sent[0].headers.authorization).toBe(`Bearer ${KEY}`);
    expect((await rowsFor(op))[0].apiKeyLabel).toBe("interactive");
    await c.close();
  });
});
