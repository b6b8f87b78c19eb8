import "server-only";

// A counting semaphore with a FIFO queue, for "at most N requests in flight per instance"
// (docs/DESIGN.md P19). Hand-written rather than cockatiel's bulkhead because a waiter must leave
// the queue the moment its call's deadline or the caller's AbortSignal fires (cockatiel's bulkhead
// only notices on dequeue), and the health view needs exact in-flight and queued counts.

type TWaiter = { resolve: () => void; reject: (e: unknown) => void; cleanup: () => void };

export class Limiter {
  private active = 0;
  private readonly waiters: TWaiter[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error("Limiter limit must be a positive integer");
  }

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves when a slot is held; rejects with the signal's reason if it aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal?.reason);
      };
      const waiter: TWaiter = {
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener("abort", onAbort),
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    if (next) {
      // The slot passes straight to the next waiter: `active` stays the same.
      next.cleanup();
      next.resolve();
    } else {
      this.active = Math.max(0, this.active - 1);
    }
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/** Holds a slot in each limiter in order (batch traffic: its own slot, then a shared one). */
export async function holding<T>(
  limiters: Limiter[],
  signal: AbortSignal,
  fn: () => Promise<T>,
): Promise<T> {
  if (limiters.length === 0) return fn();
  const [first, ...rest] = limiters;
  return first.run(() => holding(rest, signal, fn), signal);
}

/** setTimeout as a promise that rejects with the signal's reason when it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
