// The driver's side of the console API: users straight into the database, session cookies minted
// the way next-auth mints them (its own encode() with the console's NEXTAUTH_SECRET), and one
// fetch wrapper that never throws (a network error is an answer too: status 0).
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";

export type TSuiteUser = {
  id: string;
  email: string;
  name: string;
  role: string;
  sessionVersion: number;
  cookie: string;
};

export async function mintCookie(secret: string, u: Omit<TSuiteUser, "cookie">): Promise<string> {
  const jwt = await encode({
    token: {
      sub: u.id,
      sv: u.sessionVersion,
      sid: `ses_${randomUUID().replace(/-/g, "")}`, // a session id, as sign-in mints one
      role: u.role,
      email: u.email,
      name: u.name,
    },
    secret,
    maxAge: 24 * 3600,
  });
  return `next-auth.session-token=${jwt}`;
}

/** Users without a password (they only ever use minted sessions). */
export async function makeUsers(
  pool: pg.Pool,
  secret: string,
  roles: string[],
  tag = "suite",
): Promise<TSuiteUser[]> {
  const out: TSuiteUser[] = [];
  for (const role of roles) {
    const email = `${tag}-${role}-${randomUUID().slice(0, 8)}@suites.example.test`;
    const { rows } = await pool.query<{ id: string; sessionVersion: number }>(
      `INSERT INTO "User" (email, name, role, "updatedAt") VALUES ($1, $2, $3::"Role", now()) RETURNING id, "sessionVersion"`,
      [email, `Suite ${role} ${email.slice(-22, -18)}`, role],
    );
    const u = {
      id: rows[0].id,
      email,
      name: `Suite ${role} ${email.slice(-22, -18)}`,
      role,
      sessionVersion: rows[0].sessionVersion,
    };
    out.push({ ...u, cookie: await mintCookie(secret, u) });
  }
  return out;
}

export type TAnswer = {
  status: number;
  json: Record<string, unknown> | null;
  text: string;
  headers: Headers | null;
  ms: number;
  error?: string;
};

export async function call(
  base: string,
  method: string,
  p: string,
  o: {
    cookie?: string;
    body?: unknown;
    rawBody?: string | Uint8Array;
    headers?: Record<string, string>;
    timeoutMs?: number;
  } = {},
): Promise<TAnswer> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.cookie) headers.cookie = o.cookie;
  let body: string | Uint8Array | undefined = o.rawBody;
  if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers["content-type"] ??= "application/json";
  }
  if (method !== "GET" && method !== "HEAD") headers.origin ??= base;
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${p}`, {
      method,
      headers,
      body: body as BodyInit | undefined,
      signal: AbortSignal.timeout(o.timeoutMs ?? 120_000),
    });
    const text = await res.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers, ms: performance.now() - t0 };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return {
      status: 0,
      json: null,
      text: "",
      headers: null,
      ms: performance.now() - t0,
      error: e.cause?.code ?? e.name ?? String(err),
    };
  }
}

/** A valid payout request (no-approval tier) with a beneficiary account unique to `n`. */
export function payoutBody(o: {
  sourceAccountId: string;
  n: number;
  tag: string;
  amount?: number;
  method?: string;
  documentNumber?: string;
}) {
  return {
    sourceAccountId: o.sourceAccountId,
    method: o.method ?? "co_ach",
    amount: o.amount ?? 15_000_00 + (o.n % 997),
    currency: "COP",
    reason: `${o.tag} #${o.n}`,
    beneficiary: {
      bankCode: "1007",
      accountType: "savings_account",
      accountNumber: String(40_000_000_000 + o.n * 7919 + Math.floor(Math.random() * 7000)),
      name: "Proveedor Suite SAS",
      documentType: "CC",
      documentNumber: o.documentNumber ?? "1020304050",
    },
  };
}
