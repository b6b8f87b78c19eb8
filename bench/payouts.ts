// bench/payouts: end-to-end guarded payouts (submit → accepted, no-approval tier) per second,
// 16 concurrent operators, through the console's own route handler (Idempotency-Key, session,
// zod, guard, Phase A, claim, Mono call through the client with its request log, Phase C) against
// the sandbox over HTTP. Ends with the sandbox's duplicate count. `npm run bench -- payouts`.
import { randomUUID } from "node:crypto";
import { startBenchStack, pct, BENCH_SANDBOX_KEY } from "./lib/stack";

const OPERATORS = 16;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;
const stack = await startBenchStack({ dbName: "mono_bench_payouts" });
Object.assign(process.env, {
  DATABASE_URL: stack.databaseUrl,
  DATABASE_POOL_MAX: "20",
  MONO_SANDBOX_BASE_URL: stack.sandboxUrl,
  MONO_SANDBOX_API_KEY: BENCH_SANDBOX_KEY,
  MONO_MAX_IN_FLIGHT: "32",
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
  LOG_LEVEL: "silent",
});
const { makeUser } = await import("../prisma/factories");
const { callRoute, sessionCookie } = await import("../tests/support/route");
const route = await import("../app/api/operations/payouts/route");
const { db } = await import("../lib/db");

const account = await fetch(`${stack.sandboxUrl}/_sandbox/ledger/accounts`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "Bench", available: 10_000_000_000_00 }),
}).then((r) => r.json() as Promise<{ id: string }>);
const operators = await Promise.all(
  Array.from({ length: OPERATORS }, () => makeUser({ role: "operator" }).then((u) => u.user)),
);

// One session cookie per operator, minted once, as a browser keeps its cookie (a fresh token per
// request would make every request pay next-auth's key derivation twice, here and in the console).
const cookies = await Promise.all(operators.map((u) => sessionCookie(u)));

const latencies: number[] = [];
const errors: Record<string, number> = {};
let n = 0;
const started = performance.now();
await Promise.all(
  operators.map(async (_user, i) => {
    while (performance.now() - started < DURATION_MS) {
      const body = {
        sourceAccountId: account.id,
        method: "co_ach",
        amount: 10_000_00 + (n++ % 997),
        currency: "COP",
        reason: "bench",
        beneficiary: {
          bankCode: "1007",
          accountType: "savings_account",
          accountNumber: String(10_000_000 + i * 1_000_000 + n),
          name: "Bench Payee",
          documentType: "CC",
          documentNumber: "1020304050",
        },
      };
      const t0 = performance.now();
      const r = await callRoute(route.POST, {
        method: "POST",
        body,
        headers: { "idempotency-key": randomUUID(), cookie: cookies[i] },
      });
      latencies.push(performance.now() - t0);
      const state = (r.json.operation as { state?: string } | undefined)?.state;
      if (r.status !== 201 || state !== "accepted")
        errors[`${r.status}:${state ?? r.json.code}`] =
          (errors[`${r.status}:${state ?? r.json.code}`] ?? 0) + 1;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const ok = latencies.length - Object.values(errors).reduce((a, b) => a + b, 0);
const monoMs = await db.requestLog.aggregate({
  _avg: { durationMs: true },
  where: { endpoint: "POST /v1/core/payouts" },
});
const dup = await fetch(`${stack.sandboxUrl}/_sandbox/duplicates`).then(
  (r) => r.json() as Promise<{ duplicates: unknown[]; payouts: number }>,
);
const sorted = latencies.sort((a, b) => a - b);
const operations = await db.operation.count();
console.log(`database: ${stack.database}; ${OPERATORS} operators; ${elapsed.toFixed(1)} s`);
console.log(`submitted ${latencies.length}, accepted ${ok}, errors ${JSON.stringify(errors)}`);
console.log(
  `latency p50 ${pct(sorted, 50).toFixed(1)} ms, p99 ${pct(sorted, 99).toFixed(1)} ms; Mono POST avg ${(monoMs._avg.durationMs ?? 0).toFixed(1)} ms of it`,
);
console.log(`sandbox: ${dup.payouts} payouts, ${dup.duplicates.length} duplicates`);
await db.$disconnect();
await stack.stop();
console.log(
  JSON.stringify({
    bench: "payouts",
    per_s: Math.round((ok / elapsed) * 10) / 10,
    duplicates: dup.duplicates.length,
    operations,
    p50_ms: Math.round(pct(sorted, 50)),
    p99_ms: Math.round(pct(sorted, 99)),
    mono_post_avg_ms: Math.round(monoMs._avg.durationMs ?? 0),
    database: stack.database,
  }),
);
process.exit(dup.duplicates.length === 0 ? 0 : 1);
