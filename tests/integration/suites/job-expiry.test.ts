import { describe, expect, it, vi } from "vitest";

// Found by the crash suite: a periodic sweep that was running when its process was SIGKILLed stays
// "active" in pg-boss until the job expires. The sweeps use the singleton policy (one active job
// per queue), so with pg-boss's default expiry (15 min, checked every 2 min) the recovery sweep
// could not run for ~17 minutes after a crash, leaving operations in `sending` that long.
// Each periodic sweep must expire within a few of its periods.
const calls: { name: string; options: { expireInSeconds?: number }; seconds: number }[] = [];
vi.mock("@/lib/jobs/boss", () => ({
  getBoss: async () => ({
    createQueue: async () => undefined,
    work: async () => "w",
    sendThrottled: async (
      name: string,
      _data: object,
      options: { expireInSeconds?: number },
      seconds: number,
    ) => {
      calls.push({ name, options, seconds });
      return null;
    },
  }),
}));

describe("periodic sweeps after a crash", () => {
  it("expire within a few periods, so a killed process never blocks a sweep for pg-boss's default 15 minutes", async () => {
    const { startWorkers } = await import("@/lib/jobs/start-workers");
    const { JOBS } = await import("@/lib/jobs/registry");
    await startWorkers();
    const recover = calls.find((c) => c.name === "operations.recover");
    expect(recover?.options.expireInSeconds).toBeLessThanOrEqual(120);
    for (const c of calls) {
      const period = JOBS.find((j) => j.name === c.name)?.everySeconds ?? 0;
      expect(c.options.expireInSeconds, c.name).toBeDefined();
      expect(c.options.expireInSeconds!, c.name).toBeLessThanOrEqual(Math.max(120, period * 4));
    }
  });
});
