// The timed part of bench/search.ts: each id kind through the real route handler (session,
// permission, zod, search, JSON) against the same lookup in one raw SQL statement, interleaved so
// both see the same machine; then the request log's first page for 24 h.
import { performance } from "node:perf_hooks";
import KSUID from "ksuid";
import type pg from "pg";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";

type TIds = Record<
  | "req"
  | "log"
  | "op"
  | "key"
  | "cpout"
  | "bat"
  | "trn"
  | "ticket"
  | "benBank"
  | "benAccount"
  | "benDocument"
  | "benEmail",
  (n: number) => string
>;
// sqlArgs: the raw statement's parameters when they differ from the pasted text ("CC 52123456").
type TKind = {
  name: string;
  sample: () => string;
  sql: string;
  sqlArgs?: (id: string) => string[];
  beneficiary?: true;
};

export async function timeSearches(o: {
  client: pg.Client;
  ids: TIds;
  rows: number;
  days: number;
  ops: number;
  beneficiaries: number;
  samples: number;
  isTransfer: (op: number) => boolean;
}) {
  const { GET: search } = await import("../../app/api/search/route");
  const { GET: list } = await import("../../app/api/requests/route");
  const cookie = `next-auth.session-token=${await encode({ token: { sub: "usr_bench_viewer", sv: 1, sid: `ses_${"0".repeat(32)}`, role: "viewer", email: "bench@example.test", name: "Bench" }, secret: process.env.NEXTAUTH_SECRET! })}`;
  const call = async (handler: typeof search, path: string) => {
    const res = await handler(
      new NextRequest(new URL(path, "http://localhost:3000"), { headers: { cookie } }),
      { params: Promise.resolve({}) },
    );
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ hits?: { kind: string }[] }>;
  };
  const rnd = (n: number) => Math.floor(Math.random() * n);
  // Samples skip the two oldest days: retention drops the oldest day at the end of every run, and
  // a reused database (BENCH_REUSE=1) has lost it already.
  const minRow = Math.ceil((o.rows * 2) / o.days);
  const anyRow = () => minRow + rnd(o.rows - minRow);
  const anyOp = () => Math.floor(minRow / 5) + rnd(o.ops - Math.floor(minRow / 5));
  const transferOp = () => Math.min(o.ops - 1, rnd(Math.floor(o.ops / 5)) * 5 + 4);
  const opWithRow = () => {
    for (;;) {
      const x = anyOp();
      if (x % 10 !== 3 && x * 5 < o.rows) return x;
    }
  };
  const anyBen = () => rnd(o.beneficiaries);
  const BEN_COLS = `id, "bankCode", "accountNumber", "accountType", name, "documentType", "documentNumber", email, "firstSeenAt", "lastSeenAt"`;
  const OP_COLS = `o.id, o.kind, o.state, o.amount, o.currency, o."createdAt", o."monoId", o."externalId", o."ticketRef", o."sourceAccountId"`;
  const kinds: TKind[] = [
    {
      name: "request_id",
      sample: () => o.ids.req(anyRow()),
      // The same statement as the console's: bounded by the day the KSUID was minted (pruning).
      sql: `SELECT r."requestId", r."monoLogId", r.method, r.path, r.status, r."errorCode", r.attempt, r.at, ${OP_COLS} FROM "RequestLog" r LEFT JOIN "Operation" o ON o.id = r."operationId" WHERE r."requestId" = $1 AND r.at >= $2 AND r.at <= $3`,
      sqlArgs: (id) => {
        const t = KSUID.parse(id.slice(4)).date.getTime();
        return [id, new Date(t - 86_400_000).toISOString(), new Date(t + 86_400_000).toISOString()];
      },
    },
    {
      name: "mono_log_id",
      sample: () => o.ids.log(anyRow()),
      sql: `SELECT r."requestId", r."monoLogId", r.method, r.path, r.status, r."errorCode", r.attempt, r.at, ${OP_COLS} FROM "RequestLog" r LEFT JOIN "Operation" o ON o.id = r."operationId" WHERE r."monoLogId" = $1 LIMIT 10`,
    },
    {
      name: "idempotency_key",
      sample: () => o.ids.key(opWithRow()),
      sql: `SELECT (SELECT id FROM "Operation" WHERE "idempotencyKey" = $1), (SELECT "requestId" FROM "RequestLog" WHERE "idempotencyKey" = $1 ORDER BY at DESC LIMIT 1), (SELECT route FROM "InboundRequest" WHERE key = $1 LIMIT 1)`,
    },
    {
      name: "operation_id",
      sample: () => o.ids.op(anyOp()),
      sql: `SELECT ${OP_COLS} FROM "Operation" o WHERE o.id = $1`,
    },
    {
      name: "payout_id",
      sample: () => {
        for (;;) {
          const x = anyOp();
          if (!o.isTransfer(x)) return o.ids.cpout(x);
        }
      },
      sql: `SELECT ${OP_COLS} FROM "Operation" o WHERE o."monoId" = $1 LIMIT 1`,
    },
    {
      name: "batch_id",
      sample: () => o.ids.bat(transferOp()),
      sql: `SELECT ${OP_COLS} FROM "Operation" o WHERE o."monoId" = $1 LIMIT 1`,
    },
    {
      name: "transfer_id",
      sample: () => o.ids.trn(transferOp()),
      sql: `SELECT ${OP_COLS} FROM "OperationItem" i JOIN "Operation" o ON o.id = i."operationId" WHERE i."monoTransferId" = $1 LIMIT 1`,
    },
    {
      name: "external_id",
      sample: () => `mops-${o.ids.op(anyOp())}`,
      sql: `SELECT (SELECT id FROM "Operation" WHERE "externalId" = $1), (SELECT "operationId" FROM "OperationItem" WHERE "externalId" = $1)`,
    },
    {
      name: "reference",
      sample: () => o.ids.ticket(rnd(Math.floor(o.ops / 3)) * 3),
      sql: `SELECT (SELECT id FROM "Operation" WHERE "externalId" = $1), (SELECT "operationId" FROM "OperationItem" WHERE "externalId" = $1), (SELECT array_agg(id) FROM (SELECT id FROM "Operation" WHERE "ticketRef" = $1 ORDER BY "createdAt" DESC LIMIT 20) t)`,
    },
    // Beneficiary identifiers: the search box opens the beneficiary's page from these.
    {
      name: "document",
      sample: () => `CC ${o.ids.benDocument(anyBen())}`,
      sql: `SELECT ${BEN_COLS} FROM "Beneficiary" WHERE "documentNumber" = $1 ORDER BY "lastSeenAt" DESC LIMIT 20`,
      sqlArgs: (id) => [id.slice(3)],
      beneficiary: true,
    },
    {
      name: "bank_last4",
      sample: () => {
        const b = anyBen();
        return `${o.ids.benBank(b)} ${o.ids.benAccount(b).slice(-4)}`;
      },
      sql: `SELECT ${BEN_COLS} FROM "Beneficiary" WHERE "bankCode" = $1 AND "accountLast4" = $2 ORDER BY "lastSeenAt" DESC LIMIT 20`,
      sqlArgs: (id) => id.split(" "),
      beneficiary: true,
    },
    {
      name: "email",
      sample: () => o.ids.benEmail(anyBen()),
      sql: `SELECT (SELECT array_agg(id) FROM (SELECT id FROM "Beneficiary" WHERE email = $1 ORDER BY "lastSeenAt" DESC LIMIT 20) b), (SELECT array_agg(DISTINCT "accountNumber") FROM (SELECT "accountNumber" FROM "BrebResolution" WHERE "keyValue" = $1 ORDER BY "resolvedAt" DESC LIMIT 20) k)`,
      beneficiary: true,
    },
    {
      // A bare number: a reference, a document, an account number or a Bre-B key (a phone).
      name: "bare_number",
      sample: () => o.ids.benAccount(anyBen()),
      sql: `SELECT (SELECT array_agg(id) FROM (SELECT id FROM "Beneficiary" WHERE "documentNumber" = $1 LIMIT 20) d), (SELECT array_agg(id) FROM (SELECT id FROM "Beneficiary" WHERE "accountNumber" = $1 LIMIT 20) a), (SELECT array_agg("accountNumber") FROM (SELECT "accountNumber" FROM "BrebResolution" WHERE "keyValue" = $1 LIMIT 20) k)`,
      beneficiary: true,
    },
  ];

  let worstP99 = 0;
  let worstBeneficiaryP99 = 0;
  let worstRatio = 0;
  console.log(`\nid kind           api p50   api p99   sql p50   sql p99   ratio p50  ratio p99`);
  for (const k of kinds) {
    for (let i = 0; i < 50; i++) {
      const id = k.sample();
      const r = await call(search, `/api/search?q=${encodeURIComponent(id)}`);
      const ok = k.beneficiary ? r.hits?.some((h) => h.kind === "beneficiary") : r.hits?.length;
      if (!ok) throw new Error(`${k.name} ${id}: no hit`);
      await o.client.query(k.sql, k.sqlArgs?.(id) ?? [id]);
    }
    const api: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < o.samples; i++) {
      const id = k.sample();
      let t = performance.now();
      await call(search, `/api/search?q=${encodeURIComponent(id)}`);
      api.push(performance.now() - t);
      t = performance.now();
      await o.client.query(k.sql, k.sqlArgs?.(id) ?? [id]);
      sql.push(performance.now() - t);
    }
    api.sort((a, b) => a - b);
    sql.sort((a, b) => a - b);
    const [a50, a99, s50, s99] = [pct(api, 50), pct(api, 99), pct(sql, 50), pct(sql, 99)];
    worstP99 = Math.max(worstP99, a99);
    worstRatio = Math.max(worstRatio, a99 / s99);
    if (k.beneficiary) worstBeneficiaryP99 = Math.max(worstBeneficiaryP99, a99);
    console.log(
      `${k.name.padEnd(16)} ${f(a50)} ${f(a99)} ${f(s50)} ${f(s99)} ${(a50 / s50).toFixed(1).padStart(9)}× ${(a99 / s99).toFixed(1).padStart(8)}×`,
    );
  }

  const lists: Record<string, number> = {};
  for (const [name, q] of [
    ["24h", "range=24h"],
    ["24h 5xx", "range=24h&statusClass=5xx"],
    ["24h endpoint", "range=24h&endpoint=POST%20/v1/core/payouts"],
    ["30d error_code", "range=30d&errorCode=service_is_unavailable"],
  ] as const) {
    for (let i = 0; i < 20; i++) await call(list, `/api/requests?${q}`);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await call(list, `/api/requests?${q}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    lists[name] = pct(times, 95);
    console.log(
      `list first page ${name.padEnd(15)} p50 ${f(pct(times, 50))}  p95 ${f(lists[name])}`,
    );
  }
  return {
    p99: round(worstP99),
    ratio: round(worstRatio),
    beneficiaryP99: round(worstBeneficiaryP99),
    listP95: round(lists["24h"]),
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const f = (ms: number) => `${ms.toFixed(2)} ms`.padStart(9);
const round = (x: number) => Math.round(x * 100) / 100;
