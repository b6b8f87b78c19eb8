// bench/client: latency and throughput of reads through the Mono client (request log on, written
// through to PostgreSQL) against a bare fetch to the same sandbox, 32 concurrent, in one run.
// `npx tsx bench/client.ts` (or `npm run bench -- client`). Uses DATABASE_URL when set, otherwise
// a throwaway embedded PostgreSQL. The last line of output is one JSON object with the figures.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CpuBudget, dbCpuSource, sampleCpu, type TDbCpuSource } from "./lib/cpu-budget";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const KEY = "sk_bench_administrator_5b1f0e7c";
const CONCURRENCY = 32;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4_000); // per side per round
const ROUNDS = 2; // bare and client alternate, so drift (GC, JIT, disk) hits both alike
// Steady state before timing: after 300 calls per side both sides were still speeding up (JIT,
// connections), bare fetch more than the client.
const WARM_UP = 2_000;

// lib/ starts with `import "server-only"`, an empty module only under the react-server condition:
// re-run this file under it unless already there (`npm run bench -- client` passes it).
const underReactServer = process.execArgv.some((a) => a.includes("react-server"));
if (!underReactServer && process.env.MONO_BENCH_CHILD !== "1") {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", new URL(import.meta.url).pathname],
    {
      stdio: "inherit",
      env: { ...process.env, MONO_BENCH_CHILD: "1" },
    },
  );
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  await main();
}

function waitFor(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${marker} not seen within 60 s`)), 60_000);
    child.once("exit", (c) => reject(new Error(`child exited (${c}) before ${marker}`)));
    child.stdout!.on("data", (b: Buffer) => {
      const line = b
        .toString()
        .split("\n")
        .find((l) => l.startsWith(marker));
      if (line) {
        clearTimeout(t);
        resolve(line.slice(marker.length).trim());
      }
    });
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `n` calls with `concurrency` workers; returns per-call latencies and wall time. */
async function drive(n: number, concurrency: number, call: () => Promise<unknown>) {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) {
        const s = performance.now();
        await call();
        lat.push(performance.now() - s);
      }
    }),
  );
  return { lat, wallMs: performance.now() - t0 };
}

async function main(): Promise<void> {
  const { startEmbeddedDb } = await import("../scripts/lib/embedded-db");
  const { migrateDeploy } = await import("../scripts/lib/migrate");
  const { freePort } = await import("../scripts/lib/free-port");
  const children: { stop(): Promise<void> }[] = [];
  try {
    let dbUrl = process.env.DATABASE_URL;
    let dbLabel = "PostgreSQL (DATABASE_URL)";
    let dbCpu: TDbCpuSource = dbUrl ? dbCpuSource(dbUrl) : null;
    // Pending migrations only (a no-op on an up-to-date database): the sink's INSERT also feeds
    // the metric rollups, so the bench database must be at the current schema.
    if (dbUrl) migrateDeploy(dbUrl, { quiet: true });
    else {
      const emb = await startEmbeddedDb();
      children.push(emb);
      migrateDeploy(emb.url, { quiet: true });
      dbUrl = emb.url;
      dbLabel = "embedded PostgreSQL 17";
      dbCpu = dbCpuSource(emb.url);
    }
    process.env.DATABASE_URL = dbUrl;
    process.env.LOG_LEVEL ??= "warn";

    // The sandbox runs in its own process so its CPU does not share the client's event loop.
    const port = await freePort();
    const sbChild = spawn(
      process.execPath,
      ["--import", "tsx", path.join(root, "sandbox/main.ts")],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        env: {
          ...process.env,
          SANDBOX_PORT: String(port),
          SANDBOX_API_KEYS: `${KEY}:Administrator`,
        },
      },
    );
    children.push({ stop: async () => void sbChild.kill("SIGTERM") });
    const url = await waitFor(sbChild, "SANDBOX_READY");

    const { db } = await import("../lib/db");
    const { MonoClient } = await import("../lib/mono");
    const { pgRequestLogSink } = await import("../lib/mono/request-log-pg");
    // The client's default sink (group commit over pg), timed from the caller's side: the figure
    // includes waiting for a batch, i.e. what a request actually pays for its row.
    const flushes = process.env.BENCH_FLUSHES ? Number(process.env.BENCH_FLUSHES) : undefined;
    const sink = pgRequestLogSink({ maxConcurrentFlushes: flushes }); // the process pool (lib/db.ts)
    const writes: number[] = [];
    // BENCH_SINK=noop: the client without its request log (where the rest of the cost goes).
    const noop = process.env.BENCH_SINK === "noop";
    const timedSink = {
      async write(row: Parameters<typeof sink.write>[0]) {
        const s = performance.now();
        if (!noop) await sink.write(row);
        writes.push(performance.now() - s);
      },
      close: () => sink.close(),
    };
    // maxInFlight 32: the default 10 would queue a 32-way benchmark inside the client and measure
    // the limiter, not the client's cost.
    const client = new MonoClient({
      baseUrl: url,
      apiKey: KEY,
      maxInFlight: CONCURRENCY,
      requestLog: timedSink,
    });
    const bare = async () => {
      const res = await fetch(`${url}/v1/accounts`, {
        headers: { authorization: `Bearer ${KEY}`, accept: "application/json" },
      });
      if (res.status !== 200) throw new Error(`bare fetch got ${res.status}`);
      return res.json();
    };
    const viaClient = () => client.listAccounts();

    // The rollup fold job runs as in the console (lib/metrics/jobs.ts: every 5 s), so its cost
    // lands in the figures too.
    const { foldPendingRollups } = await import("../lib/metrics/fold-rollups");
    let folded = 0;
    const folder = setInterval(
      () => void foldPendingRollups().then((r) => (folded += r.folded)),
      5_000,
    );

    await drive(WARM_UP, CONCURRENCY, bare); // warm-up: JIT, connections, pools
    await drive(WARM_UP, CONCURRENCY, viaClient);
    writes.length = 0;

    const bareLat: number[] = [];
    const clientLat: number[] = [];
    let bareWall = 0;
    let clientWall = 0;
    const bareCpu = new CpuBudget();
    const clientCpu = new CpuBudget();
    for (let r = 0; r < ROUNDS; r++) {
      let before = sampleCpu(sbChild.pid, dbCpu);
      const b = await drive(REQUESTS, CONCURRENCY, bare);
      bareCpu.add(before, sampleCpu(sbChild.pid, dbCpu), REQUESTS);
      bareLat.push(...b.lat);
      bareWall += b.wallMs;
      before = sampleCpu(sbChild.pid, dbCpu);
      const c = await drive(REQUESTS, CONCURRENCY, viaClient);
      clientCpu.add(before, sampleCpu(sbChild.pid, dbCpu), REQUESTS);
      clientLat.push(...c.lat);
      clientWall += c.wallMs;
    }
    const saturatedWrites = [...writes];

    // Paced phase: same client, same 32 workers, but ~400 requests/s in total — below what these
    // 2 cores can do with client, sandbox and PostgreSQL on them. Under saturation every stage's
    // latency is mostly CPU queueing (Little's law); this shows the write's own cost.
    writes.length = 0;
    const PACED_RATE = 400;
    const pacedStart = performance.now();
    let issued = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (issued < 2_000) {
          const due = pacedStart + (issued++ / PACED_RATE) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          await viaClient();
        }
      }),
    );
    const pacedWrites = [...writes].sort((a, b) => a - b);

    clearInterval(folder);
    const total = REQUESTS * ROUNDS;
    const rows = await db.requestLog.count();
    bareLat.sort((a, b) => a - b);
    clientLat.sort((a, b) => a - b);
    const satSorted = saturatedWrites.sort((a, b) => a - b);
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The shape, not only the median: bare fetch alternates between a fast plateau and slow
    // stretches (docs/BENCHMARKS.md "client"), so its p50 sits far below its mean.
    const shape = (xs: number[]) =>
      `mean ${r2(mean(xs))}  p25 ${r2(pct(xs, 25))}  p75 ${r2(pct(xs, 75))}  p90 ${r2(pct(xs, 90))}`;
    const cpuBare = bareCpu.perCall();
    const cpuClient = clientCpu.perCall();
    const cpuTotal = (c: typeof cpuBare) => c.self + (c.child ?? 0) + (c.database ?? 0);
    const out = {
      bench: "client",
      p50_ratio: r2(pct(clientLat, 50) / pct(bareLat, 50)),
      p99_ratio: r2(pct(clientLat, 99) / pct(bareLat, 99)),
      mean_ratio: r2(mean(clientLat) / mean(bareLat)),
      per_s: Math.round((total / clientWall) * 1000),
      bare_per_s: Math.round((total / bareWall) * 1000),
      log_write_p50_ms: r2(pct(satSorted, 50)),
      log_write_p50_ms_paced: r2(pct(pacedWrites, 50)),
      cpu_us_per_call: cpuTotal(cpuClient),
      bare_cpu_us_per_call: cpuTotal(cpuBare),
    };
    const cpuLine = (c: typeof cpuBare) =>
      `bench process ${c.self}, sandbox ${c.child ?? "n/a"}, database ${c.database ?? "n/a"} (total ${cpuTotal(c)})`;
    console.log(
      `database: ${dbLabel}; sandbox: ${url} (own process); ${CONCURRENCY} concurrent; ${total} reads per side (GET /v1/accounts)`,
    );
    console.log(
      `bare fetch : p50 ${r2(pct(bareLat, 50))} ms  p99 ${r2(pct(bareLat, 99))} ms  ${out.bare_per_s}/s  (${shape(bareLat)})`,
    );
    console.log(
      `mono client: p50 ${r2(pct(clientLat, 50))} ms  p99 ${r2(pct(clientLat, 99))} ms  ${out.per_s}/s  (${shape(clientLat)})`,
    );
    console.log(
      `request log, 32-way saturated: ${satSorted.length} writes, p50 ${out.log_write_p50_ms} ms, p99 ${r2(pct(satSorted, 99))} ms`,
    );
    console.log(
      `request log, paced ${PACED_RATE}/s: ${pacedWrites.length} writes, p50 ${out.log_write_p50_ms_paced} ms, p99 ${r2(pct(pacedWrites, 99))} ms; ${rows} rows in RequestLog, ${folded} folded into the rollups during the run`,
    );
    // Where the CPU goes, per call and per process, during the saturated rounds (µs). With client,
    // sandbox and PostgreSQL on the same few cores this budget, not any one process, sets latency.
    console.log(`CPU µs per call, bare fetch : ${cpuLine(cpuBare)}`);
    console.log(`CPU µs per call, mono client: ${cpuLine(cpuClient)}`);
    await client.close(); // also closes the sink's pool
    await db.$disconnect();
    console.log(JSON.stringify(out));
  } finally {
    for (const c of children.reverse()) await c.stop();
  }
}
