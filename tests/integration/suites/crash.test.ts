import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCrash } from "@/scripts/suites/lib/crash-core";
import { CRASH_FAULTS } from "@/scripts/suites/lib/chaos-faults";
import { routeHostStack, type TStack } from "@/scripts/suites/lib/setups";

// `npm run crash` in small: 20 payouts while the console process is SIGKILLed twice and restarted.
let stack: TStack;
beforeAll(async () => {
  stack = await routeHostStack({ name: "crash-test" });
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
      kills: 2,
      concurrency: 5,
      faults: CRASH_FAULTS,
      settleTimeoutMs: 90_000,
      killEveryMs: [1_500, 4_000],
    });
    const f = r.figures;
    expect(f.kills).toBe(2);
    expect(f.operations).toBe(20);
    expect(
      { duplicates: f.duplicates, not_final: f.not_final, audit: f.audit_chain_ok },
      JSON.stringify(r.details),
    ).toEqual({ duplicates: 0, not_final: 0, audit: true });
  }, 240_000);
});
