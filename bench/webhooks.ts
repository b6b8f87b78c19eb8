// bench/webhooks: signed Mono webhooks accepted per second and the time to the 2xx, with the job
// queue processing them in the same run. `npm run bench -- webhooks`.
//
// Set-up (docs/BENCHMARKS.md, "webhooks"): the console's own route handler behind a plain
// node:http server in this process (the same NextRequest a `next start` hands it, without
// building the app), PostgreSQL (a fresh database on 127.0.0.1:5432, else an embedded PostgreSQL), the sandbox in
// its own process, and the real background workers (lib/jobs startWorkers: pg-boss, every job).
// Load (bench/lib/webhook-load.ts, its own process): 32 concurrent keep-alive connections (Mono's at-most-32 in flight), a mix of events about
// our own payouts (processing confirms them with a GET to Mono), ledger movements and transfers
// made elsewhere ("external"), and 10 % re-deliveries. Phase 1 saturates (events/s); phase 2
// paces 500 events/s (the target) and measures the time to the 2xx there.
import { spawn } from "node:child_process";
import { writeFileSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startBenchStack, pct, BENCH_SANDBOX_KEY } from "./lib/stack";

const SECRET = "whsec_bench_0123456789abcdef";
const CONCURRENCY = 32;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const SATURATE = Number(process.env.BENCH_EVENTS ?? 6_000);
const PACED_RATE = 500;
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 10);
const DRAIN_TIMEOUT_MS = Number(process.env.BENCH_DRAIN_SECONDS ?? 180) * 1000;

const stack = await startBenchStack({ dbName: "mono_bench_webhooks" });
Object.assign(process.env, {
  DATABASE_URL: stack.databaseUrl,
  DATABASE_POOL_MAX: "20",
  MONO_SANDBOX_BASE_URL: stack.sandboxUrl,
  MONO_SANDBOX_API_KEY: BENCH_SANDBOX_KEY,
  MONO_WEBHOOK_SECRET: SECRET,
  MONO_MAX_IN_FLIGHT: "32",
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
  LOG_LEVEL: "silent",
});
const { NextRequest } = await import("next/server");
const { POST } = await import("../app/api/webhooks/mono/route");
const { db } = await import("../lib/db");
const { makeUser } = await import("../prisma/factories");
const { submitPayout } = await import("../lib/operations/submit-payout");
const { getMonoClient } = await import("../lib/mono");
const { startWorkers } = await import("../lib/jobs/start-workers");

// ── the receiver over HTTP ──
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const r = await POST(
      new NextRequest(new URL(req.url ?? "/", "http://127.0.0.1"), {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      }),
      { params: Promise.resolve({}) },
    );
    res.writeHead(r.status, { "content-type": "application/json" });
    res.end(await r.text());
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/mono`;
if (process.env.BENCH_NO_WORKERS !== "1") await startWorkers();

// ── events: our payouts, external ledger movements and transfers, re-deliveries ──
const account = await fetch(`${stack.sandboxUrl}/_sandbox/ledger/accounts`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "Bench webhooks", available: 10_000_000_000_00 }),
}).then((r) => r.json() as Promise<{ id: string }>);
const { user } = await makeUser({ role: "operator" });
const payouts: Awaited<ReturnType<ReturnType<typeof getMonoClient>["getPayout"]>>[] = [];
for (let i = 0; i < 40; i++) {
  const op = await submitPayout(
    {
      sourceAccountId: account.id,
      method: "co_mono_turbo",
      amount: 10_000_00 + i,
      currency: "COP",
      reason: "bench",
      beneficiary: {
        bankCode: "1007",
        accountType: "savings_account",
        accountNumber: String(20_000_000 + i),
        name: "Bench Payee",
        documentType: "CC",
        documentNumber: "1020304050",
      },
    },
    user,
    {},
  );
  payouts.push(await getMonoClient().getPayout(op.monoId!));
}
const seedFile = path.join(tmpdir(), `bench-webhooks-${process.pid}.json`);
let offset = 0;
function load(
  mode: "saturate" | "paced",
  amount: number,
  seconds = 0,
): Promise<{ lat: number[]; perS: number; failures: Record<string, number>; sent: number }> {
  writeFileSync(seedFile, JSON.stringify({ account: account.id, payouts, offset }));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "bench/lib/webhook-load.ts"),
      url,
      SECRET,
      mode,
      String(amount),
      String(seconds),
      seedFile,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      const r = JSON.parse(out.trim().split("\n").pop()!) as {
        lat: number[];
        perS: number;
        failures: Record<string, number>;
        sent: number;
      };
      offset += r.sent;
      for (const [k, v] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + v;
      resolve(r);
    }),
  );
}
const failures: Record<string, number> = {};
const saturate = (n: number) => load("saturate", n);
const paced = (rate: number, seconds: number) => load("paced", rate, seconds);

await saturate(300); // warm-up: JIT, pools
const sat = await saturate(SATURATE);
const pace = await paced(PACED_RATE, PACED_SECONDS);
const receivedAll = performance.now();

// ── the queue drains what was accepted ──
const stored = await db.webhookEvent.count();
let processed = 0;
while (performance.now() - receivedAll < DRAIN_TIMEOUT_MS) {
  processed = await db.webhookEvent.count({ where: { processedAt: { not: null } } });
  if (processed >= stored) break;
  await new Promise((r) => setTimeout(r, 500));
}
const drainS = (performance.now() - receivedAll) / 1000;
const results = await db.webhookEvent.groupBy({ by: ["processingResult"], _count: { _all: true } });
const settled = await db.operation.count({ where: { state: "settled" } });
const deliveries = await db.webhookEvent.aggregate({ _sum: { deliveries: true } });

const r1 = (x: number) => Math.round(x * 10) / 10;
console.log(
  `database: ${stack.database}; receiver: route handler behind node:http in-process; workers: pg-boss (all jobs); ${CONCURRENCY} connections`,
);
console.log(
  `saturated: ${SATURATE} events, ${Math.round(sat.perS)}/s, ack p50 ${r1(pct(sat.lat, 50))} ms p99 ${r1(pct(sat.lat, 99))} ms`,
);
console.log(
  `paced ${PACED_RATE}/s for ${PACED_SECONDS} s: ${Math.round(pace.perS)}/s, ack p50 ${r1(pct(pace.lat, 50))} ms p99 ${r1(pct(pace.lat, 99))} ms`,
);
console.log(
  `stored ${stored} events for ${deliveries._sum.deliveries ?? 0} deliveries; processed ${processed} (${JSON.stringify(Object.fromEntries(results.map((r) => [r.processingResult ?? "pending", r._count._all])))}) ${processed >= stored ? `drained ${r1(drainS)} s after the last delivery` : `not drained after ${r1(drainS)} s`}; ${settled}/40 payouts settled by processing`,
);
console.log(`non-200 answers: ${JSON.stringify(failures)}`);
server.close();
unlinkSync(seedFile);
await db.$disconnect();
await stack.stop();
console.log(
  JSON.stringify({
    bench: "webhooks",
    events_per_s: Math.round(sat.perS),
    ack_p99_ms: r1(pct(pace.lat, 99)),
    ack_p99_ms_saturated: r1(pct(sat.lat, 99)),
    processed,
    stored,
    drain_s: r1(drainS),
    database: stack.database,
  }),
);
process.exit(0);
