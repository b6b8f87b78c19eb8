// `npm run chaos [-- --payouts 1000 --concurrency 16 --console next|host --faults "<text>" --instances 2]`
// N payouts through the console's API (POST /api/operations/payouts over HTTP) while the sandbox
// injects faults on 30 % of Mono calls and duplicates / reorders webhooks, plus webhook attacks.
// Invariants: 0 duplicate Mono objects, 0 operations lost, 0 retries earlier than Retry-After,
// webhook attacks refused (a forged "settled" never settles), 0 secrets in logs or database.
// Last line: {"suite":"chaos","payouts":…,"duplicates":…,"lost":…,"early_retries":…,…}
import os from "node:os";
import { runChaos } from "./lib/chaos-core";
import { scanAll } from "./lib/secret-scan";
import { launcherStack, routeHostStack, type TStack } from "./lib/setups";
import { argValue } from "./lib/stack";
import { CHAOS_FAULTS } from "./lib/chaos-faults";

const payouts = Number(argValue("payouts", process.env.CHAOS_PAYOUTS ?? "1000"));
const concurrency = Number(argValue("concurrency", process.env.CHAOS_CONCURRENCY ?? "16"));
const instances = Number(argValue("instances", process.env.CHAOS_INSTANCES ?? "1"));
// Several instances: route hosts only (JOBS_DISABLED=1) + one worker, the last host SIGKILLed once
// mid-run (after CHAOS_KILL_AFTER_MS) and restarted.
const mode = instances > 1 ? "host" : argValue("console", process.env.CHAOS_CONSOLE ?? "next");
const killAfterMs = Number(process.env.CHAOS_KILL_AFTER_MS ?? 3_000);
const seed = Number(argValue("seed", String(Date.now() % 100_000)));
const faults = argValue("faults", CHAOS_FAULTS(seed))!;
const log = (s: string) => console.log(`[chaos] ${s}`);

log(`${payouts} payouts, ${concurrency} concurrent clients, console: ${mode}; faults: ${faults}`);
const t0 = performance.now();
const stack: TStack =
  mode === "host"
    ? await routeHostStack({ name: "chaos", instances })
    : await launcherStack({ name: "chaos", log });
log(`stack up in ${Math.round((performance.now() - t0) / 1000)} s: ${stack.describe}`);
let exit = 1;
let line = "";
let kills = 0;
let restartMs = 0;
const killTimer =
  instances > 1
    ? setTimeout(() => {
        const victim = stack.hosts![stack.hosts!.length - 1];
        void (async () => {
          log(`SIGKILL web instance ${stack.hosts!.length} (${victim.url})`);
          await victim.kill();
          kills++;
          await new Promise((r) => setTimeout(r, 1_500));
          restartMs = Math.round(await victim.start());
          log(`web instance ${stack.hosts!.length} restarted in ${restartMs} ms`);
        })().catch((e) => console.error(e));
      }, killAfterMs)
    : null;
try {
  const r = await runChaos({
    consoleUrl: stack.consoleUrl,
    consoleUrls: stack.hosts?.map((h) => h.url),
    sandbox: stack.sandbox,
    pool: stack.pool,
    nextauthSecret: stack.secrets.nextauthSecret,
    webhookSecret: stack.secrets.webhookSecret,
    payouts,
    concurrency,
    faults,
    retryAfterS: 1,
    settleTimeoutMs: Number(process.env.CHAOS_SETTLE_TIMEOUT_MS ?? 300_000),
    faultedDrainMs: Number(process.env.CHAOS_FAULTED_DRAIN_MS ?? 120_000),
    attacks: true,
    log,
  });
  const scan = await scanAll(stack.pool, stack.logs.text(), stack.secretList());
  const f = r.figures;
  log(
    `states ${JSON.stringify(f.states)}; refused ${JSON.stringify(f.refused)}; console answers ${JSON.stringify(f.console_statuses)}`,
  );
  log(
    `faults injected ${JSON.stringify(f.faults_injected)}; Mono attempts ${f.mono_attempts} (${f.mono_retries} retries)`,
  );
  log(
    `webhooks: ${f.webhook_events} events, ${f.webhook_deliveries} deliveries, ${f.webhook_unprocessed} unprocessed; attacks ${f.webhook_attacks} (${JSON.stringify(r.details.attackBy)})`,
  );
  log(
    `secret scan: ${scan.secrets} secrets × ${scan.log_bytes} log bytes + ${scan.columns} columns → ${scan.hits.length} hits ${JSON.stringify(scan.hits)}`,
  );
  if (
    f.lost ||
    f.duplicates ||
    f.early_retries ||
    f.webhook_attacks_unexpected ||
    f.forged_settlements_accepted
  )
    log(`details ${JSON.stringify(r.details)}`);
  const ok =
    (instances < 2 || kills >= 1) &&
    f.duplicates === 0 &&
    f.lost === 0 &&
    f.early_retries === 0 &&
    f.webhook_attacks_unexpected === 0 &&
    f.forged_settlements_accepted === 0 &&
    scan.hits.length === 0 &&
    f.operations > 0;
  exit = ok ? 0 : 1;
  line = JSON.stringify({
    suite: "chaos",
    payouts: f.payouts,
    duplicates: f.duplicates,
    lost: f.lost,
    early_retries: f.early_retries,
    retries_after_429_checked: f.retries_after_429_checked,
    sandbox_429_followups_checked: f.sandbox_429_followups_checked,
    states: f.states,
    console_statuses: f.console_statuses,
    unanswered: f.unanswered,
    mono_attempts: f.mono_attempts,
    faults_injected: Object.values(f.faults_injected).reduce((a, b) => a + b, 0),
    webhook_deliveries: f.webhook_deliveries,
    webhook_events: f.webhook_events,
    webhook_attacks: f.webhook_attacks,
    webhook_attacks_unexpected: f.webhook_attacks_unexpected,
    forged_settlements_accepted: f.forged_settlements_accepted,
    secret_hits: scan.hits.length,
    submit_p50_ms: f.submit_p50_ms,
    submit_p99_ms: f.submit_p99_ms,
    submit_seconds: f.submit_seconds,
    settle_seconds: f.settle_seconds,
    open_after_faulted_drain: f.open_after_faulted_drain,
    console: mode,
    instances,
    workers: instances > 1 ? 1 : 0,
    kills,
    restart_ms: restartMs,
    database: stack.db.label,
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    ok,
  });
} catch (err) {
  console.error(err);
} finally {
  if (killTimer) clearTimeout(killTimer);
  await stack.stop().catch((e) => console.error(e));
}
if (line) console.log(line);
process.exit(exit);
