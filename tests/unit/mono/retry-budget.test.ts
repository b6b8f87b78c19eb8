import { describe, expect, it } from "vitest";
import { RetryBudget } from "@/lib/mono/retry-budget";

describe("retry budget (AWS standard mode token bucket)", () => {
  it("allows 100 ordinary retries from a full bucket of 500, then refuses", () => {
    const b = new RetryBudget();
    let granted = 0;
    while (b.acquire("other") !== null) granted++;
    expect(granted).toBe(100);
    expect(b.available).toBe(0);
    expect(b.acquire("other")).toBeNull();
  });

  it("charges timeouts double (10 tokens): 50 timeout retries", () => {
    const b = new RetryBudget();
    let granted = 0;
    while (b.acquire("timeout") !== null) granted++;
    expect(granted).toBe(50);
  });

  it("refunds the retry's cost on a success after a retry, and 1 on a first-try success", () => {
    const b = new RetryBudget({
      capacity: 20,
      retryCost: 5,
      timeoutRetryCost: 10,
      successRefund: 1,
    });
    const paid = b.acquire("timeout");
    expect(b.available).toBe(10);
    b.recordSuccess(paid ?? 0);
    expect(b.available).toBe(20);
    b.acquire("other");
    b.recordSuccess(0);
    expect(b.available).toBe(16);
  });

  it("never refills beyond capacity", () => {
    const b = new RetryBudget();
    for (let i = 0; i < 1_000; i++) b.recordSuccess(0);
    expect(b.available).toBe(500);
    expect(b.capacity).toBe(500);
  });

  it("recovers once Mono is healthy again: successes reopen room for retries", () => {
    const b = new RetryBudget({
      capacity: 10,
      retryCost: 5,
      timeoutRetryCost: 10,
      successRefund: 1,
    });
    b.acquire("timeout");
    expect(b.acquire("other")).toBeNull();
    for (let i = 0; i < 5; i++) b.recordSuccess(0);
    expect(b.acquire("other")).toBe(5);
  });
});
