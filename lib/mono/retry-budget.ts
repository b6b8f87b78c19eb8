import "server-only";

// A client-wide retry budget, modelled on the AWS SDKs' "standard" retry mode: every retry
// withdraws tokens, every success puts some back. While Mono is healthy the bucket stays full;
// when Mono is down, retries drain it and further failures are surfaced at once instead of
// multiplying the load (a retry storm) on a service that is already struggling.
// First attempts never cost anything: the budget only limits *re*tries.

export type TRetryBudgetOptions = {
  capacity: number; // AWS default 500
  retryCost: number; // AWS default 5
  timeoutRetryCost: number; // AWS default 10: timeouts are the most expensive signal
  successRefund: number; // AWS default 1, for a success that needed no retry
};

export const DEFAULT_RETRY_BUDGET: TRetryBudgetOptions = {
  capacity: 500,
  retryCost: 5,
  timeoutRetryCost: 10,
  successRefund: 1,
};

export class RetryBudget {
  private tokens: number;

  constructor(private readonly options: TRetryBudgetOptions = DEFAULT_RETRY_BUDGET) {
    this.tokens = options.capacity;
  }

  /** Try to pay for one retry. Returns the tokens taken (to refund on success) or null when empty. */
  acquire(kind: "timeout" | "other"): number | null {
    const cost = kind === "timeout" ? this.options.timeoutRetryCost : this.options.retryCost;
    if (this.tokens < cost) return null;
    this.tokens -= cost;
    return cost;
  }

  /**
   * A call succeeded. As in the AWS SDK, a success that followed a paid retry returns what that
   * retry cost; a first-try success adds the small refund. Never above capacity.
   */
  recordSuccess(paidForLastRetry: number): void {
    const refund = paidForLastRetry > 0 ? paidForLastRetry : this.options.successRefund;
    this.tokens = Math.min(this.options.capacity, this.tokens + refund);
  }

  get available(): number {
    return this.tokens;
  }

  get capacity(): number {
    return this.options.capacity;
  }
}
