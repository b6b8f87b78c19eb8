import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChaos } from "@/scripts/suites/lib/chaos-core";
import { scanAll } from "@/scripts/suites/lib/secret-scan";
import { routeHostStack, type TStack } from "@/scripts/suites/lib/setups";
import { CHAOS_FAULTS } from "@/scripts/suites/lib/chaos-faults";

// `npm run chaos` in small: 60 payouts against a console process (route host + pg-boss jobs) with
// its own sandbox process injecting 30 % faults and duplicating / reordering webhooks.
let stack: TStack;
beforeAll(async () => {
  stack = await routeHostStack({ name: "chaos-test" });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

describe("chaos (short)", () => {
  it("60 payouts under faults: no duplicate, none lost, no retry before Retry-After, webhook attacks refused, no secret leaked", async () => {
    const r = await runChaos({
      consoleUrl: stack.consoleUrl,
      sandbox: stack.sandbox,
      pool: stack.pool,
      nextauthSecret: stack.secrets.nextauthSecret,
      webhookSecret: stack.secrets.webhookSecret,
      payouts: 60,
      concurrency: 8,
      faults: CHAOS_FAULTS(7),
      retryAfterS: 1,
      settleTimeoutMs: 150_000,
      faultedDrainMs: 15_000,
      attacks: true,
      decoys: 3,
    });
    const f = r.figures;
    // Every submission becomes exactly one operation: one the client gave up on under faults is
    // sent again with its key once Mono is healthy. A 4xx refusal would be a bug here: none of
    // the faults makes a request invalid.
    expect(f.refused).toEqual({});
    expect([f.operations, f.unanswered]).toEqual([63, 0]);
    expect(
      {
        duplicates: f.duplicates,
        lost: f.lost,
        early: f.early_retries,
        attacks: f.webhook_attacks_unexpected,
        forged: f.forged_settlements_accepted,
      },
      JSON.stringify(r.details),
    ).toEqual({ duplicates: 0, lost: 0, early: 0, attacks: 0, forged: 0 });
    const scan = await scanAll(stack.pool, stack.logs.text(), stack.secretList());
    expect(scan.hits).toEqual([]);
  }, 360_000);
});
