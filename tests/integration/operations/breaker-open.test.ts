import type { Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMonoClient, MonoClient } from "@/lib/mono";
import { recoverStuckOperations } from "@/lib/operations/recover-stuck-operations";
import { MAX_BREAKER_CLAIMS, sendOperation } from "@/lib/operations/send-operation";
import { submitPayout } from "@/lib/operations/submit-payout";
import { makeUser } from "@/prisma/factories";
import { payoutInput, sandboxAdmin } from "@/tests/support/operations";

// While Mono's circuit breaker is open the console neither gives up on an operation nor sends it
// twice: what was never sent goes back to `approved`, what may have been sent stays `sending`
// and is resumed with the same key once Mono answers again, and only a long outage hands it to a
// person. The console's Mono client is swapped for one whose breaker opens after two failures;
// the sandbox fails payouts on request (its per-request fault header), so no other test is hit.

const g = globalThis as unknown as { __monoClient?: MonoClient };
let original: MonoClient | undefined;
let failPayouts = false;

function clientWithBreaker(): MonoClient {
  const fault: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const headers = { ...(opts.headers as Record<string, string>) };
    if (failPayouts && opts.method === "POST") headers["x-sandbox-fault"] = "status=503";
    return dispatch({ ...opts, headers }, handler);
  };
  return new MonoClient({
    baseUrl: process.env.MONO_SANDBOX_BASE_URL!,
    apiKey: process.env.MONO_SANDBOX_API_KEY!,
    backoff: { baseMs: 10, capMs: 40, jitterMs: 5, maxRetries: 5 },
    breaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
    interceptors: [fault],
  });
}

beforeAll(() => {
  original = getMonoClient();
  g.__monoClient = clientWithBreaker();
});
afterAll(async () => {
  await g.__monoClient?.close();
  g.__monoClient = original;
});

const later = () => new Date(Date.now() + 10 * 60_000); // every lease has expired by then

describe("an open circuit breaker", () => {
  it("cuts retries short without giving up: resumed with the same key, one Mono payout", async () => {
    failPayouts = true;
    const { user } = await makeUser({ role: "operator" });
    const op = await submitPayout(payoutInput(), user, { actorId: user.id });
    // Two 503s opened the breaker; the third attempt was never sent.
    expect(op.state).toBe("sending");
    expect(op.lastErrorCode).not.toBeNull();
    const sent = await db.requestLog.count({ where: { operationId: op.id } });
    expect(sent).toBe(2);
    expect(g.__monoClient!.health().breaker).toBe("open");

    // The recovery job claims it again while the breaker is still open: refused, nothing sent,
    // still `sending` with the same key.
    await recoverStuckOperations({ now: later() });
    const again = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(again.state).toBe("sending");
    expect(again.attemptCount).toBe(2);
    expect(again.lastErrorCode).toBe("MonoCircuitOpenError");
    expect(await db.requestLog.count({ where: { operationId: op.id } })).toBe(sent);

    // Mono is back (a fresh breaker): the next recovery sends it, once, with the same key.
    failPayouts = false;
    await g.__monoClient!.close();
    g.__monoClient = clientWithBreaker();
    await recoverStuckOperations({ now: later() });
    const done = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(done.state).toBe("accepted");
    const keys = await db.requestLog.findMany({
      where: { operationId: op.id },
      select: { idempotencyKey: true },
    });
    expect(new Set(keys.map((k) => k.idempotencyKey))).toEqual(new Set([op.idempotencyKey]));
    const counts = await sandboxAdmin<{ payouts: number }>(`/counts?external_id=${op.externalId}`);
    expect(counts.payouts).toBe(1);
  });

  it("sends back to `approved` what was never sent, and hands a long outage to a person", async () => {
    failPayouts = true;
    await g.__monoClient!.close();
    g.__monoClient = clientWithBreaker();
    const { user } = await makeUser({ role: "operator" });
    const first = await submitPayout(payoutInput(), user, { actorId: user.id });
    expect(first.state).toBe("sending"); // it opened the breaker

    // Submitted while the breaker is open: nothing is sent, it waits in `approved`.
    const second = await submitPayout(payoutInput(), user, { actorId: user.id });
    expect(second.state).toBe("approved");
    expect(await db.requestLog.count({ where: { operationId: second.id } })).toBe(0);
    const deferred = await db.auditEvent.findFirst({
      where: { targetId: second.id, action: "operation.send_deferred" },
    });
    expect(deferred).not.toBeNull();

    // The first one after MAX_BREAKER_CLAIMS claims without Mono: a person looks at it.
    await db.operation.update({
      where: { id: first.id },
      data: { attemptCount: MAX_BREAKER_CLAIMS - 1 },
    });
    expect(await sendOperation(first.id, { now: later() })).toBe("needs_attention");
    expect((await db.operation.findUniqueOrThrow({ where: { id: first.id } })).state).toBe(
      "needs_attention",
    );
    failPayouts = false;
  });
});
