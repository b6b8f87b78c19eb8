import "server-only";
import type { z } from "zod";
import type * as C from "./contract";
import type { TCacheKind } from "./cache";
import {
  createMonoRuntime,
  type TMonoClientOptions,
  type TMonoHealth,
  type TMonoRuntime,
} from "./runtime";
import { fillPath, type TQuery } from "./query";
import * as S from "./schemas";
import * as SC from "./schemas-core";
import { executeCall, type TCallOptions, type TCallResult } from "./transport";

// The typed surface of the Mono client: one method per endpoint the console uses (Mono's Banking
// and Core APIs; the list is in docs/MONO-CLIENT.md). Writes take a required idempotencyKey in
// their options type, so a write without a key cannot be expressed; the key (a UUID v4) is
// checked before anything is sent (docs/DESIGN.md P1).

export type TWriteOptions = TCallOptions & { idempotencyKey: string };
export type TReadOptions = TCallOptions & { live?: boolean };

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || !UUID_V4.test(key)) {
    throw new TypeError("idempotencyKey must be a UUID v4 (Mono's reference requires it)");
  }
}

export class MonoClient {
  private readonly rt: TMonoRuntime;

  constructor(options: TMonoClientOptions) {
    this.rt = createMonoRuntime(options);
  }

  private call<T>(
    route: string,
    schema: z.ZodType<T>,
    o: {
      params?: Record<string, string>;
      query?: TQuery;
      body?: unknown;
      idempotencyKey?: string;
      options?: TCallOptions;
    },
  ): Promise<TCallResult<T>> {
    return executeCall(this.rt.deps, {
      route,
      path: fillPath(route, o.params),
      schema,
      query: o.query,
      body: o.body,
      idempotencyKey: o.idempotencyKey,
      options: o.options,
    });
  }

  private async read<T>(
    route: string,
    schema: z.ZodType<T>,
    o: Parameters<MonoClient["call"]>[2] = {},
  ): Promise<T> {
    return (await this.call(route, schema, o)).value;
  }

  private write<T>(
    route: string,
    schema: z.ZodType<T>,
    body: unknown,
    options: TWriteOptions,
  ): Promise<TCallResult<T>> {
    assertIdempotencyKey(options?.idempotencyKey);
    const { idempotencyKey, ...rest } = options;
    return this.call(route, schema, { body, idempotencyKey, options: rest });
  }

  // ── Banking ──
  listAccounts(query: C.TMonoPageQuery = {}, options?: TCallOptions): Promise<C.TMonoAccountList> {
    return this.read("GET /v1/accounts", S.ZAccountList, { query, options });
  }

  /** Cached 5 min; `live: true` asks Mono for the bank's real-time balance and refreshes the cache. */
  getAccountBalance(id: string, options: TReadOptions = {}): Promise<C.TMonoAccountBalance> {
    const { live, ...rest } = options;
    const load = () =>
      this.read("GET /v1/accounts/{id}/balances", S.ZAccountBalance, {
        params: { id },
        query: live ? { live: true } : {},
        options: rest,
      });
    return this.rt.cache.getOrLoad("balances", `account:${id}`, id, load, live === true);
  }

  /** Cached 24 h per kind. */
  listBanks(
    query: { kind?: C.TMonoBankKind } = {},
    options?: TCallOptions,
  ): Promise<C.TMonoBankList> {
    const kind = query.kind ?? "transfers";
    return this.rt.cache.getOrLoad("banks", kind, null, () =>
      this.read("GET /v1/banks", S.ZBankList, { query: { kind }, options }),
    );
  }

  async createTransfers(
    body: C.TMonoCreateTransfersRequest,
    options: TWriteOptions,
  ): Promise<C.TMonoCreateTransfersResponse> {
    return (await this.write("POST /v1/transfers", S.ZCreateTransfersResponse, body, options))
      .value;
  }

  async prepareTransfers(
    body: C.TMonoCreateTransfersRequest,
    options: TWriteOptions,
  ): Promise<C.TMonoCreateTransfersResponse> {
    return (
      await this.write("POST /v1/transfers/prepare", S.ZCreateTransfersResponse, body, options)
    ).value;
  }

  listTransfers(
    filters: C.TMonoListTransfersQuery = {},
    options?: TCallOptions,
  ): Promise<C.TMonoTransferList> {
    const load = () =>
      this.read("GET /v1/transfers", S.ZTransferList, { query: filters as TQuery, options });
    return this.rt.cache.getOrLoad("transfers", JSON.stringify(filters), filters.id ?? null, load);
  }

  // ── Core: ledger ──
  listLedgerAccounts(
    query: C.TMonoPageQuery = {},
    options?: TCallOptions,
  ): Promise<C.TMonoLedgerAccountList> {
    return this.read("GET /v1/ledger/accounts", SC.ZLedgerAccountList, { query, options });
  }

  /** Cached 5 min; `live: true` bypasses and refreshes the cache (Mono has no live flag here). */
  getLedgerBalance(id: string, options: TReadOptions = {}): Promise<C.TMonoLedgerBalance> {
    const { live, ...rest } = options;
    const load = () =>
      this.read("GET /v1/ledger/accounts/{id}/balances", SC.ZLedgerBalance, {
        params: { id },
        options: rest,
      });
    return this.rt.cache.getOrLoad("balances", `ledger:${id}`, id, load, live === true);
  }

  listLedgerTransactions(
    id: string,
    filters: C.TMonoListLedgerTransactionsQuery = {},
    options?: TCallOptions,
  ): Promise<C.TMonoLedgerTransactionList> {
    return this.read("GET /v1/ledger/accounts/{id}/transactions", SC.ZLedgerTransactionList, {
      params: { id },
      query: filters as TQuery,
      options,
    });
  }

  // ── Core: payouts ──
  /** 201 → created: true; 200 → the external_id (or key) already existed and this is the original. */
  async createPayout(
    body: C.TMonoCreatePayoutRequest,
    options: TWriteOptions,
  ): Promise<{ created: boolean; payout: C.TMonoPayout; callId: string; requestId: string }> {
    const r = await this.write("POST /v1/core/payouts", SC.ZPayout, body, options);
    return { created: r.status === 201, payout: r.value, callId: r.callId, requestId: r.requestId };
  }

  getPayout(id: string, options?: TCallOptions): Promise<C.TMonoPayout> {
    return this.read("GET /v1/core/payouts/{id}", SC.ZPayout, { params: { id }, options });
  }

  async resolveBrebTarget(
    body: C.TMonoResolveBrebTargetRequest,
    options: TWriteOptions,
  ): Promise<C.TMonoBrebTarget> {
    return (
      await this.write(
        "POST /v1/core/payouts/co_breb/targets/resolve",
        SC.ZBrebTarget,
        body,
        options,
      )
    ).value;
  }

  // ── Operations ──
  health(): TMonoHealth {
    return this.rt.health();
  }

  invalidateCache(kind: TCacheKind, id?: string): number {
    return this.rt.cache.invalidate(kind, id);
  }

  /** Days since the API key was issued (null when MONO_*_KEY_ISSUED_AT is not set). */
  keyAgeDays(now?: Date): number | null {
    return this.rt.keyAgeDays(now);
  }

  /** Closes the HTTP connections and the request log's own pool (if the sink has one). */
  async close(): Promise<void> {
    await this.rt.deps.dispatcher.close();
    await this.rt.deps.sink.close?.();
  }
}
