import { describe, expect, it } from "vitest";
import { MonoCache } from "@/lib/mono/cache";
import { Limiter } from "@/lib/mono/limiter";

describe("Limiter (bounded concurrency)", () => {
  it("never runs more than the limit at once and counts the queue", async () => {
    const l = new Limiter(3);
    let running = 0;
    let peak = 0;
    const task = () =>
      l.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
      });
    const all = Array.from({ length: 20 }, task);
    await Promise.resolve();
    expect(l.inFlight).toBe(3);
    expect(l.queued).toBe(17);
    await Promise.all(all);
    expect(peak).toBe(3);
    expect(l.inFlight).toBe(0);
  });

  it("lets a queued waiter leave when its signal aborts", async () => {
    const l = new Limiter(1);
    await l.acquire();
    const ac = new AbortController();
    const waiting = l.acquire(ac.signal);
    expect(l.queued).toBe(1);
    ac.abort(new Error("deadline"));
    await expect(waiting).rejects.toThrow("deadline");
    expect(l.queued).toBe(0);
    l.release();
    expect(l.inFlight).toBe(0);
  });
});

describe("MonoCache", () => {
  it("serves from cache within the TTL and reloads after it", async () => {
    let now = 0;
    const c = new MonoCache({ banks: 1_000, balances: 100, transfers: 0 }, () => now);
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.getOrLoad("banks", "transfers", null, load)).toBe(1);
    now = 999;
    expect(await c.getOrLoad("banks", "transfers", null, load)).toBe(1);
    now = 1_000;
    expect(await c.getOrLoad("banks", "transfers", null, load)).toBe(2);
  });

  it("bypasses on request, never caches a kind with TTL 0, shares concurrent misses", async () => {
    const c = new MonoCache({ banks: 1_000, balances: 1_000, transfers: 0 });
    let loads = 0;
    const load = async () => ++loads;
    await Promise.all([
      c.getOrLoad("balances", "a", "acc_1", load),
      c.getOrLoad("balances", "a", "acc_1", load),
    ]);
    expect(loads).toBe(1);
    expect(await c.getOrLoad("balances", "a", "acc_1", load, true)).toBe(2);
    await c.getOrLoad("transfers", "q", null, load);
    await c.getOrLoad("transfers", "q", null, load);
    expect(loads).toBe(4);
  });

  it("invalidates by kind and by id; a load racing an invalidation does not re-fill", async () => {
    const c = new MonoCache();
    await c.getOrLoad("balances", "account:acc_1", "acc_1", async () => 1);
    await c.getOrLoad("balances", "account:acc_2", "acc_2", async () => 2);
    expect(c.invalidate("balances", "acc_1")).toBe(1);
    expect(c.size).toBe(1);
    let release!: (v: number) => void;
    const slow = c.getOrLoad(
      "banks",
      "transfers",
      null,
      () => new Promise<number>((r) => (release = r)),
    );
    c.invalidate("banks");
    release(5);
    expect(await slow).toBe(5);
    expect(c.size).toBe(1);
  });
});
