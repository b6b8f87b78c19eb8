// Shared set-up for the Mono client integration tests: a real sandbox over real HTTP, the real
// RequestLog table, and an undici interceptor that (a) records exactly what went on the wire and
// (b) adds the sandbox's per-request fault header to chosen attempts. No fetch mocks.
import type { Dispatcher } from "undici";
import { startSandbox, type TSandboxHandle } from "@/sandbox/server";
import { MonoClient, type TMonoClientOptions } from "@/lib/mono";
import type { TLogSink } from "@/lib/mono/attempt-record";
import { db, sqlDb } from "@/lib/db";

export const KEY = "sk_itest_admin_7f3c9a1b2d4e6f80";
export const BATCH_KEY = "sk_itest_batch_0a9b8c7d6e5f4321";
export const VIEWER_KEY = "sk_itest_viewer_11223344556677";
export const SUPPLIERS = "lacc_4PagosProveedores9aBcD";
export const OPERATIONS = "acc_5tgliBmzjZ6mpQPRbQjfKj";

export type TWireRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
};

/** Faults by request number (1-based, across the client's lifetime) or by a predicate. */
export type TFaultPlan = (n: number, req: TWireRequest) => string | null;

export function recorder() {
  const sent: TWireRequest[] = [];
  let plan: TFaultPlan = () => null;
  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const headers = { ...(opts.headers as Record<string, string>) };
    const req: TWireRequest = {
      method: opts.method,
      path: opts.path,
      headers,
      body: typeof opts.body === "string" ? opts.body : null,
    };
    sent.push(req);
    const fault = plan(sent.length, req);
    if (fault) headers["x-sandbox-fault"] = fault;
    return dispatch({ ...opts, headers }, handler);
  };
  return {
    sent,
    interceptor,
    setPlan(p: TFaultPlan) {
      plan = p;
      sent.length = 0;
    },
  };
}

/** Faults on the first `n` requests after setPlan, then clean. */
export const firstN =
  (n: number, fault: string): TFaultPlan =>
  (i) =>
    i <= n ? fault : null;

export function capturingLogger(): TLogSink & { lines: string[] } {
  const lines: string[] = [];
  const push = (obj: object, msg?: string) =>
    void lines.push(
      JSON.stringify({ obj, msg }, (_k, v) => (typeof v === "bigint" ? String(v) : v)),
    );
  return { lines, debug: push, info: push, warn: push, error: push } as TLogSink & {
    lines: string[];
  };
}

export async function sandbox(): Promise<TSandboxHandle> {
  return startSandbox({
    port: 0,
    apiKeys: [
      { key: KEY, role: "Administrator" },
      { key: BATCH_KEY, role: "Administrator" },
      { key: VIEWER_KEY, role: "Viewer" },
    ],
    allowFaults: true,
    adminEnabled: true,
    timeScale: 0.001,
  });
}

/** Every log line any fastClient wrote in this test file. */
export const clientLog = capturingLogger();

export function fastClient(
  url: string,
  rec: ReturnType<typeof recorder>,
  over: Partial<TMonoClientOptions> = {},
): MonoClient {
  return new MonoClient({
    baseUrl: url,
    apiKey: KEY,
    batchApiKey: BATCH_KEY,
    timeouts: { connectMs: 1_000, responseMs: 400, totalMs: 10_000 },
    backoff: { baseMs: 10, capMs: 40, jitterMs: 5, maxRetries: 5 },
    breaker: { consecutiveFailures: 50, halfOpenAfterMs: 200 },
    interceptors: [rec.interceptor],
    logger: clientLog,
    ...over,
  });
}

export async function admin<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}/_sandbox${path}`);
  if (!res.ok) throw new Error(`admin ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export function rowsFor(operationId: string) {
  return db.requestLog.findMany({
    where: { operationId },
    orderBy: [{ callId: "asc" }, { attempt: "asc" }],
  });
}

export function payoutBody(externalId: string, amount = 150_000_00) {
  return {
    account_id: SUPPLIERS,
    method: "co_ach" as const,
    external_id: externalId,
    target: {
      country: "CO" as const,
      currency: "COP" as const,
      kind: "co_bank_account" as const,
      account_number: "4000123456",
      account_type: "savings_account" as const,
      bank_code: "1051",
      payee: {
        kind: "co_person" as const,
        name: "Ana Gómez",
        document_type: "CC",
        document_number: "1020304050",
        email: "ana@example.com",
      },
    },
    source_amount: null,
    target_amount: { amount, currency: "COP" as const },
  };
}

export function opId(label: string): string {
  return `op_itest_${label}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Every text and JSON column of every RequestLog row, as one string per row. */
export async function requestLogDump(): Promise<string[]> {
  const rows = await sqlDb.selectFrom("RequestLog").selectAll().execute();
  return rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
}

export const SECRETS = [KEY, BATCH_KEY, VIEWER_KEY];

/** No key in any RequestLog row (every text and JSON column) nor in any client log line. */
export async function expectNoSecrets(extra: string[] = []): Promise<void> {
  const dump = await requestLogDump();
  for (const key of [...SECRETS, ...extra]) {
    if (dump.some((r) => r.includes(key))) throw new Error(`API key found in RequestLog`);
    if (clientLog.lines.some((l) => l.includes(key)))
      throw new Error(`API key found in a log line`);
  }
}
