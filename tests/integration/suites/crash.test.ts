import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrash } from "@/scripts/suites/lib/crash-core";
import { CRASH_FAULTS } from "@/scripts/suites/lib/chaos-faults";
import { routeHostStack, type TStack } from "@/scripts/suites/lib/setups";

// `npm run crash` in small: 20 payouts and 5 two-row batches while the console process is
// SIGKILLed twice and restarted, every submission re-sent with its key after each restart.
let stack: TStack;
beforeAll(async () => {
  stack = await routeHostStack({ name: "crash-test", env: { IDEMPOTENCY_LEASE_MS: "3000" } });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe("crash (short)", () => {
  it("SIGKILL ×2 mid-payouts: no duplicate, every operation final, audit chain intact", async () => {
    const r = await runCrash({
      host: stack.host!,
      sandbox: stack.sandbox,
      pool: stack.pool,
      nextauthSecret: stack.secrets.nextauthSecret,
      payouts: 20,
      batches: 5,
      kills: 2,
      keyLeaseMs: 3_000,
      concurrency: 5,
      faults: CRASH_FAULTS,
      settleTimeoutMs: 90_000,
      killEveryMs: [1_500, 4_000],
    });
    const f = r.figures;
    expect(f.kills).toBe(2);
    expect(f.operations).toBe(25);
    expect([f.payouts, f.batches]).toEqual([20, 5]);
    expect(f.resends.sent).toBeGreaterThanOrEqual(25);
    expect(
      {
        duplicates: f.duplicates,
        double_paid: f.double_paid,
        key_mismatch: f.key_mismatch,
        not_final: f.not_final,
        audit: f.audit_chain_ok,
      },
      JSON.stringify(r.details),
    ).toEqual({ duplicates: 0, double_paid: 0, key_mismatch: 0, not_final: 0, audit: true });
  }, 240_000);
});
