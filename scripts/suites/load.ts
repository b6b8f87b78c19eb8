// `npm run load [-- --short] [-- --minutes 10 --users 50 --payouts-per-s 1]`
// 50 concurrent signed-in users against the real `next start` (started by the launcher on a fresh
// DATA_DIR, PORT and PostgreSQL database): browsing lists, searching ids, charting, plus payouts
// at a steady rate. Sessions are minted with next-auth's encode() and the launcher's
// NEXTAUTH_SECRET. Reports p50/p99 per route and errors; the target is p99 ≤ 500 ms and 0 errors.
// Exits non-zero on any error (and on a p99 over target with LOAD_STRICT_P99=1).
// Last line: {"suite":"load","seconds":…,"users":…,"requests":…,"errors":…,"p99_ms":…,"routes":{…}}
import os from "node:os";
import { call, makeUsers, payoutBody, type TSuiteUser } from "./lib/client";
import { scanAll } from "./lib/secret-scan";
import { launcherStack } from "./lib/setups";
import { argValue, pct, sandboxAdmin, sleep } from "./lib/stack";

const short = process.argv.includes("--short");
const seconds = Number(argValue("minutes", short ? "1" : (process.env.LOAD_MINUTES ?? "10"))) * 60;
const nUsers = Number(argValue("users", "50"));
const payoutsPerS = Number(argValue("payouts-per-s", "1"));
const TARGET_P99 = 500;
const log = (s: string) => console.log(`[load] ${s}`);

const stack = await launcherStack({ name: "load", log, env: { LOG_LEVEL: "warn" } });
log(`stack up: ${stack.describe}`);
let exit = 1;
let line = "";
try {
  const admin = sandboxAdmin(stack.sandbox);
  const account = await admin<{ id: string }>("/ledger/accounts", {
    method: "POST",
    body: { name: "Load", available: 1_000_000_000_000_00 },
  });
  // Browsers: admins (every page is theirs), approvers and viewers; two operators make payouts.
  const roles = Array.from({ length: nUsers }, (_, i) =>
    i % 5 === 0 ? "approver" : i % 7 === 0 ? "viewer" : "admin",
  );
  const browsers = await makeUsers(stack.pool, stack.secrets.nextauthSecret, roles, "load");
  const operators = await makeUsers(
    stack.pool,
    stack.secrets.nextauthSecret,
    ["operator", "operator"],
    "load",
  );

  // Something to browse: 150 payouts before the clock starts.
  let n = 0;
  const ids: string[] = [];
  const pay = async (u: TSuiteUser) => {
    const r = await call(stack.consoleUrl, "POST", "/api/operations/payouts", {
      cookie: u.cookie,
      body: payoutBody({ sourceAccountId: account.id, n: n++, tag: "load" }),
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    const id = (r.json?.operation as { id?: string; idempotencyKey?: string } | undefined)?.id;
    if (id) ids.push(id);
    return r;
  };
  for (let i = 0; i < 150; i += 6)
    await Promise.all(operators.flatMap((u) => [pay(u), pay(u), pay(u)]));
  log(
    `seeded ${ids.length} payouts; ${nUsers} users for ${seconds} s, payouts at ${payoutsPerS}/s`,
  );

  type TRoute = { name: string; roles?: string[]; path: () => string };
  const ROUTES: TRoute[] = [
    { name: "GET /api/operations", path: () => "/api/operations?limit=50" },
    {
      name: "GET /api/operations?state",
      path: () => "/api/operations?state=settled,accepted&range=24h&limit=50",
    },
    {
      name: "GET /api/operations/[id]",
      path: () => `/api/operations/${ids[Math.floor(Math.random() * ids.length)]}`,
    },
    { name: "GET /api/audit", roles: ["admin"], path: () => "/api/audit?limit=50" },
    { name: "GET /api/users", roles: ["admin"], path: () => "/api/users" },
    {
      name: "GET /api/search",
      roles: ["admin", "approver"],
      path: () => `/api/search?q=${ids[Math.floor(Math.random() * ids.length)]}`,
    },
    { name: "GET /api/requests", roles: ["admin", "approver"], path: () => "/api/requests" },
    {
      name: "GET /api/charts/requests",
      path: () => `/api/charts/requests?range=${["1h", "24h"][Math.floor(Math.random() * 2)]}`,
    },
    { name: "GET /api/charts/balances", path: () => "/api/charts/balances?range=24h" },
    { name: "GET /api/overview", path: () => "/api/overview" },
  ];
  const lat: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  const errorSamples: string[] = [];
  const record = (
    name: string,
    r: { status: number; ms: number; text: string; error?: string },
  ) => {
    (lat[name] ??= []).push(r.ms);
    if (r.status < 200 || r.status >= 300) {
      errors[`${name} ${r.status || r.error}`] =
        (errors[`${name} ${r.status || r.error}`] ?? 0) + 1;
      if (errorSamples.length < 10)
        errorSamples.push(`${name} → ${r.status || r.error} ${r.text.slice(0, 160)}`);
    }
  };
  const until = performance.now() + seconds * 1000;
  const browse = async (u: TSuiteUser) => {
    await sleep(Math.random() * 2_000); // users arrive over two seconds
    while (performance.now() < until) {
      const allowed = ROUTES.filter((r) => !r.roles || r.roles.includes(u.role));
      const route = allowed[Math.floor(Math.random() * allowed.length)];
      record(
        route.name,
        await call(stack.consoleUrl, "GET", route.path(), { cookie: u.cookie, timeoutMs: 30_000 }),
      );
      await sleep(500 + Math.random() * 1_500); // think time
    }
  };
  const payer = async () => {
    let k = 0;
    const t0 = performance.now();
    while (performance.now() < until) {
      const due = t0 + (k * 1000) / payoutsPerS;
      if (due > performance.now()) await sleep(due - performance.now());
      const u = operators[k++ % operators.length];
      void pay(u).then((r) => record("POST /api/operations/payouts", r));
    }
  };
  const started = performance.now();
  await Promise.all([...browsers.map(browse), payer()]);
  await sleep(3_000); // let the last payouts answer
  const elapsed = (performance.now() - started) / 1000;

  const routes: Record<string, { n: number; p50: number; p99: number }> = {};
  const all: number[] = [];
  for (const [name, l] of Object.entries(lat)) {
    const s = l.sort((a, b) => a - b);
    all.push(...s);
    routes[name] = { n: s.length, p50: Math.round(pct(s, 50)), p99: Math.round(pct(s, 99)) };
  }
  all.sort((a, b) => a - b);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const over = Object.entries(routes)
    .filter(([, r]) => r.p99 > TARGET_P99)
    .map(([k]) => k);
  for (const [k, r] of Object.entries(routes))
    log(
      `${k.padEnd(32)} n=${String(r.n).padStart(6)} p50=${String(r.p50).padStart(5)} ms p99=${String(r.p99).padStart(5)} ms`,
    );
  log(`errors ${JSON.stringify(errors)} ${errorSamples.join(" | ")}`);
  const scan = await scanAll(stack.pool, stack.logs.text(), stack.secretList());
  log(`secret scan: ${scan.hits.length} hits ${JSON.stringify(scan.hits)}`);
  const strict = process.env.LOAD_STRICT_P99 === "1";
  exit = errorCount === 0 && scan.hits.length === 0 && (!strict || over.length === 0) ? 0 : 1;
  line = JSON.stringify({
    suite: "load",
    seconds: Math.round(elapsed),
    users: nUsers,
    payouts_per_s: payoutsPerS,
    requests: all.length,
    rps: Math.round((all.length / elapsed) * 10) / 10,
    errors: errorCount,
    p50_ms: Math.round(pct(all, 50)),
    p99_ms: Math.round(pct(all, 99)),
    p99_target_ms: TARGET_P99,
    over_target: over,
    secret_hits: scan.hits.length,
    routes,
    database: stack.db.label,
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    ok: exit === 0,
  });
} catch (err) {
  console.error(err);
} finally {
  await stack.stop().catch((e) => console.error(e));
}
if (line) console.log(line);
process.exit(exit);
