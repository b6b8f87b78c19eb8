import "server-only";

// In-process read caches (docs/DESIGN.md P20): banks change rarely (24 h), balances are fine for
// 5 minutes on dashboards, and webhooks invalidate both early. Per instance by design: N console
// instances may briefly disagree, which is acceptable for these reads; money decisions (the
// guard's balance pre-check) ask for `live: true`, which bypasses the cache.

export type TCacheKind = "banks" | "balances" | "transfers";

export type TCacheTtls = Record<TCacheKind, number>;

// Transfer lists are not cached by default (0): their states move and reconciliation needs them
// fresh. The kind exists so a deployment can turn on a short TTL and webhooks still invalidate it.
export const DEFAULT_CACHE_TTLS: TCacheTtls = {
  banks: 24 * 60 * 60_000,
  balances: 5 * 60_000,
  transfers: 0,
};

type TEntry = { value: unknown; expiresAt: number; id: string | null };

export class MonoCache {
  private readonly entries = new Map<string, TEntry>();
  // Concurrent misses for the same key share one request to Mono instead of stampeding it.
  private readonly pending = new Map<string, Promise<unknown>>();
  // Bumped by invalidate(): a load that started before an invalidation must not re-fill the cache
  // with what may be stale data (a webhook just told us the balance moved).
  private generation = 0;

  constructor(
    private readonly ttls: TCacheTtls = DEFAULT_CACHE_TTLS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the cached value, or runs `load` and caches its result (failures are never cached). */
  async getOrLoad<T>(
    kind: TCacheKind,
    key: string,
    id: string | null,
    load: () => Promise<T>,
    bypass = false,
  ): Promise<T> {
    const ttl = this.ttls[kind];
    const fullKey = `${kind}:${key}`;
    if (!bypass && ttl > 0) {
      const hit = this.entries.get(fullKey);
      if (hit && hit.expiresAt > this.now()) return hit.value as T;
    }
    if (ttl <= 0) return load();
    const inFlight = this.pending.get(fullKey);
    if (inFlight && !bypass) return inFlight as Promise<T>;
    const startedAt = this.generation;
    const promise = load().then((value) => {
      if (startedAt === this.generation)
        this.entries.set(fullKey, { value, expiresAt: this.now() + ttl, id });
      return value;
    });
    this.pending.set(fullKey, promise);
    try {
      return await promise;
    } finally {
      if (this.pending.get(fullKey) === promise) this.pending.delete(fullKey);
    }
  }

  /** Drops every entry of a kind, or only those about one object id (an account, a transfer). */
  invalidate(kind: TCacheKind, id?: string): number {
    let dropped = 0;
    this.generation++;
    for (const k of this.pending.keys()) if (k.startsWith(`${kind}:`)) this.pending.delete(k);
    for (const [k, e] of this.entries) {
      if (k.startsWith(`${kind}:`) && (id === undefined || e.id === id)) {
        this.entries.delete(k);
        dropped++;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }
}
