// `npm run crash [-- --payouts 200 --batches 50 --kills 6 --concurrency 8]`
// Payouts and two-row transfer batches through the console's API while the console process is
// SIGKILLed at random moments (at least 5 times) and restarted; the database and the sandbox
// survive. After every restart each submission so far is sent again with its original key and
// body, at once and after the key lease. Invariants: 0 duplicates (Mono objects per key and
// console operations per request), 0 double_paid (money to one beneficiary more than once, counted
// at the sandbox whatever the ids), 0 key mismatches, every operation final after recovery, the
// audit chain verifies, 0 secrets in logs or database.
// Last line: {"suite":"crash","payouts":…,"batches":…,"kills":…,"duplicates":…,"double_paid":…,…}
import os from "node:os";
import { runCrash } from "./lib/crash-core";
import { scanAll } from "./lib/secret-scan";
import { routeHostStack } from "./lib/setups";
import { argValue } from "./lib/stack";
import { CRASH_FAULTS } from "./lib/chaos-faults";

const payouts = Number(argValue("payouts", process.env.CRASH_PAYOUTS ?? "200"));
const batches = Number(argValue("batches", process.env.CRASH_BATCHES ?? "50"));
const kills = Number(argValue("kills", process.env.CRASH_KILLS ?? "6"));
const KEY_LEASE_MS = 4_000;
const concurrency = Number(argValue("concurrency", process.env.CRASH_CONCURRENCY ?? "8"));
const log = (s: string) => console.log(`[crash] ${s}`);

log(`${payouts} payouts, ${batches} batches, ${kills} SIGKILLs, ${concurrency} concurrent clients`);
const stack = await routeHostStack({
  name: "crash",
  env: { IDEMPOTENCY_LEASE_MS: String(KEY_LEASE_MS) },
});
log(`stack up: ${stack.describe}`);
let exit = 1;
let line = "";
try {
  const r = await runCrash({
    host: stack.host!,
    sandbox: stack.sandbox,
    pool: stack.pool,
    nextauthSecret: stack.secrets.nextauthSecret,
    payouts,
    batches,
    kills,
    keyLeaseMs: KEY_LEASE_MS,
    concurrency,
    faults: CRASH_FAULTS,
    settleTimeoutMs: 240_000,
    killEveryMs: [1_500, 5_000],
    paceMs: 600,
    log,
  });
  const scan = await scanAll(stack.pool, stack.logs.text(), stack.secretList());
  const f = r.figures;
  log(
    `states ${JSON.stringify(f.states)}; console answers ${JSON.stringify(f.console_statuses)}; audit ${JSON.stringify(r.details.audit)}`,
  );
  log(
    `secret scan: ${scan.secrets} secrets × ${scan.log_bytes} log bytes + ${scan.columns} columns → ${scan.hits.length} hits ${JSON.stringify(scan.hits)}`,
  );
  if (f.duplicates || f.double_paid || f.key_mismatch || f.not_final || !f.audit_chain_ok)
    log(`details ${JSON.stringify(r.details)}`);
  const ok =
    f.duplicates === 0 &&
    f.double_paid === 0 &&
    f.key_mismatch === 0 &&
    f.not_final === 0 &&
    f.audit_chain_ok &&
    f.kills >= Math.min(kills, 5) &&
    scan.hits.length === 0 &&
    f.operations > 0;
  exit = ok ? 0 : 1;
  line = JSON.stringify({
    suite: "crash",
    payouts: f.payouts,
    batches: f.batches,
    kills: f.kills,
    kills_while_submitting: f.kills_while_submitting,
    duplicates: f.duplicates,
    double_paid: f.double_paid,
    mono_objects: f.mono_objects,
    key_mismatch: f.key_mismatch,
    resends: f.resends,
    refused: f.refused,
    not_final: f.not_final,
    operations: f.operations,
    states: f.states,
    resumed_after_crash: f.resumed_after_crash,
    sweeps_left_active_by_kills: f.sweeps_left_active_by_kills,
    unanswered: f.unanswered,
    audit_chain_ok: f.audit_chain_ok,
    audit_rows: f.audit_rows,
    secret_hits: scan.hits.length,
    restart_ms_max: f.restart_ms_max,
    settle_seconds: f.settle_seconds,
    database: stack.db.label,
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    ok,
  });
} catch (err) {
  console.error(err);
} finally {
  await stack.stop().catch((e) => console.error(e));
}
if (line) console.log(line);
process.exit(exit);
