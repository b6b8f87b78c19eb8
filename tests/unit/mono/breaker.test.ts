import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MonoBreaker, type TBreakerChange } from "@/lib/mono/breaker";
import { MonoCircuitOpenError } from "@/lib/mono/errors";

const fail = async () => ({ breakerFailure: true, summary: "503" });
const ok = async () => ({ breakerFailure: false, summary: "200" });

describe("circuit breaker (cockatiel ConsecutiveBreaker)", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-11-22T12:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("opens after 5 consecutive failures, half-opens after the pause, closes on a good probe", async () => {
    const changes: TBreakerChange[] = [];
    const b = new MonoBreaker({ consecutiveFailures: 5, halfOpenAfterMs: 30_000 }, (c) =>
      changes.push(c),
    );
    for (let i = 0; i < 4; i++) await b.run(fail);
    expect(b.state).toBe("closed");
    await b.run(fail);
    expect(b.state).toBe("open");
    expect(changes[0]).toMatchObject({ from: "closed", to: "open", lastFailure: "503" });

    // Open: fails fast, the attempt is never run.
    const attempt = vi.fn(ok);
    await expect(b.run(attempt)).rejects.toBeInstanceOf(MonoCircuitOpenError);
    expect(attempt).not.toHaveBeenCalled();

    vi.advanceTimersByTime(29_999);
    await expect(b.run(attempt)).rejects.toBeInstanceOf(MonoCircuitOpenError);
    vi.advanceTimersByTime(1);

    // Half-open: exactly one probe runs; while it is in flight the state says so.
    let release!: () => void;
    const probe = b.run(
      () =>
        new Promise<{ breakerFailure: boolean; summary: string }>(
          (r) => (release = () => r({ breakerFailure: false, summary: "200" })),
        ),
    );
    expect(b.state).toBe("half_open");
    release();
    await probe;
    expect(b.state).toBe("closed");
    expect(changes.map((c) => c.to)).toEqual(["open", "half_open", "closed"]);
  });

  it("re-opens when the half-open probe fails", async () => {
    const b = new MonoBreaker({ consecutiveFailures: 2, halfOpenAfterMs: 1_000 });
    await b.run(fail);
    await b.run(fail);
    expect(b.state).toBe("open");
    vi.advanceTimersByTime(1_000);
    await b.run(fail);
    expect(b.state).toBe("open");
    await expect(b.run(ok)).rejects.toBeInstanceOf(MonoCircuitOpenError);
  });

  it("does not count non-failures: a success in between resets the streak", async () => {
    const b = new MonoBreaker({ consecutiveFailures: 3, halfOpenAfterMs: 1_000 });
    await b.run(fail);
    await b.run(fail);
    await b.run(ok);
    await b.run(fail);
    await b.run(fail);
    expect(b.state).toBe("closed");
  });

  it("survives a throwing state-change hook", async () => {
    const b = new MonoBreaker({ consecutiveFailures: 1, halfOpenAfterMs: 1_000 }, () => {
      throw new Error("audit down");
    });
    await expect(b.run(fail)).resolves.toMatchObject({ breakerFailure: true });
    expect(b.state).toBe("open");
  });
});
