// Shared by the sandbox contract tests: boot a sandbox on a random port and call it over real
// HTTP (fetch), exactly as the console's Mono client would.
import { randomUUID } from "node:crypto";
import { startSandbox, type TSandboxOptions } from "../../../sandbox/server";

export const KEYS = {
  admin: "sk_sandbox_administrator",
  preparer: "sk_sandbox_preparer",
  viewer: "sk_sandbox_viewer",
} as const;
export const ACC = {
  operations: "acc_5tgliBmzjZ6mpQPRbQjfKj",
  payroll: "acc_2Nomina7kQ9xVbR4sTuW1z",
  canceled: "acc_0Cancelada3hJ8pLmN5qRx",
} as const;
export const LACC = {
  suppliers: "lacc_4PagosProveedores9aBcD",
  refunds: "lacc_7Reembolsos2kLmNpQrStU",
  blocked: "lacc_9Bloqueada5xYz1aB2cD3e",
} as const;
export const ID_RE = /^[A-Za-z]{2,7}_[0-9A-Za-z]{22}$/;

// Tests read arbitrary JSON fields; typing every response here would only restate the contract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TRes = { status: number; headers: Headers; body: any; text: string };

export type TCall = {
  key?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  idem?: string;
  fault?: string;
  signal?: AbortSignal;
};

export type TBooted = Awaited<ReturnType<typeof boot>>;

export async function boot(opts: TSandboxOptions = {}) {
  const sbx = await startSandbox({ port: 0, adminEnabled: true, ...opts });
  async function call(method: string, path: string, c: TCall = {}): Promise<TRes> {
    const headers: Record<string, string> = { ...c.headers };
    const key = c.key === undefined ? KEYS.admin : c.key;
    if (key !== null) headers.authorization = `Bearer ${key}`;
    if (c.idem) headers["x-idempotency-key"] = c.idem;
    if (c.fault) headers["x-sandbox-fault"] = c.fault;
    let payload: string | undefined = c.raw;
    if (c.body !== undefined) payload = JSON.stringify(c.body);
    if (payload !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(sbx.url + path, { method, headers, body: payload, signal: c.signal });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, `/_sandbox${path}`, { key: null, body });
  return { ...sbx, call, admin };
}

export function expectEnvelope(
  res: TRes,
  status: number,
  code: string,
  path?: string | null,
): void {
  const messages: Record<number, string> = {
    400: "Malformed request",
    401: "Authorization header is missing or invalid.",
    403: "Not authorized to have access to this resource",
    404: "Resource not defined",
    409: "Conflict",
    422: "Validation errors",
    500: "Something went wrong on the Server",
    503: "Service unavailable",
  };
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const b = res.body;
  if (typeof b.code !== "string" || !b.code.startsWith(`${status} `))
    throw new Error(`bad code ${b.code}`);
  if (messages[status] && b.message !== messages[status])
    throw new Error(`bad message ${b.message}`);
  if (!/^log_[0-9A-Za-z]{22}$/.test(b.id)) throw new Error(`bad log id ${b.id}`);
  if (res.headers.get("x-mono-log-id") !== b.id)
    throw new Error("log id header differs from body id");
  if (!Array.isArray(b.errors) || b.errors.length === 0) throw new Error("no errors[]");
  const codes = b.errors.map((e: { error_code: string }) => e.error_code);
  if (!codes.includes(code)) throw new Error(`expected error_code ${code}, got ${codes.join(",")}`);
  for (const e of b.errors) {
    if (!("message" in e && "path" in e && "url" in e)) throw new Error("error item shape");
    if (e.path !== null && !String(e.path).startsWith("#"))
      throw new Error(`path is not a JSON pointer: ${e.path}`);
  }
  if (path !== undefined) {
    const hit = b.errors.find(
      (e: { error_code: string; path: string | null }) => e.error_code === code && e.path === path,
    );
    if (!hit) throw new Error(`no ${code} at ${path}: ${res.text}`);
  }
}

export const uuid = randomUUID;

export function payee(documentNumber = "1020304050", bankCode = "1007") {
  return {
    name: "Camila Torres",
    document_type: "CC",
    document_number: documentNumber,
    email: "camila.torres@example.co",
    bank_account: { bank_code: bankCode, number: "00123456789", type: "savings_account" },
  };
}

export function transfer(amount = 150_000_00, over: Record<string, unknown> = {}) {
  return {
    amount: { amount, currency: "COP" },
    payee: payee(),
    routing: "ach",
    description: "Pago proveedor",
    reference: "FAC-1001",
    ...over,
  };
}

export function payoutBody(over: Record<string, unknown> = {}, documentNumber = "1020304050") {
  return {
    account_id: LACC.suppliers,
    method: "co_ach",
    external_id: `ext-${randomUUID()}`,
    target: {
      country: "CO",
      currency: "COP",
      kind: "co_bank_account",
      account_number: "00123456789",
      account_type: "savings_account",
      bank_code: "1051",
      payee: {
        kind: "co_person",
        name: "Andrés Gómez",
        document_type: "CC",
        document_number: documentNumber,
      },
    },
    target_amount: { amount: 250_000_00, currency: "COP" },
    description: "Pago a proveedor",
    ...over,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value or the timeout passes. */
export async function until<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 5000,
  everyMs = 20,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(everyMs);
  }
}
