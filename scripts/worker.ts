// `npm run worker`: the background jobs without the web console. The same jobs, started the same
// way as instrumentation.ts starts them in a web instance (lib/jobs/start-background.ts: the Mono
// breaker wired into the audit log, then one pg-boss worker per job and the throttled periodic
// sweeps), in a process that serves no page. Run N web instances with JOBS_DISABLED=1 and M of
// these on the same PostgreSQL (docs/ARCHITECTURE.md "Running at scale").
//
// Start-up: the configuration is validated (as the web server does), then the queue starts and
// `WORKER_READY` is printed.
// SIGTERM or SIGINT: periodic sends stop, the queue stops fetching, running handlers get
// WORKER_STOP_TIMEOUT_MS (default 20 s) to finish, connections close, exit 0. A second signal, or
// a stop that takes longer than the timeout plus 10 s, exits 1 at once: a job cut short is retried
// by another worker (every handler is idempotent).
// Run with --conditions=react-server (the package script does) so lib/ modules load outside Next.
import { readEnv, EnvError } from "../lib/env-schema";

const log = (msg: string) => console.log(`[worker] ${msg}`);
const stopTimeoutMs = Number(process.env.WORKER_STOP_TIMEOUT_MS ?? 20_000);

try {
  readEnv(process.env);
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const { startBackground } = await import("../lib/jobs/start-background");
const { stopBoss } = await import("../lib/jobs/boss");
const { stopPeriodicSends } = await import("../lib/jobs/start-workers");
const { closeDb } = await import("../lib/db");
const { closeInterruptedRuns } = await import("../lib/reconcile/run-reconciliation");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  log(`${signal}: stopping (running jobs get ${stopTimeoutMs} ms)`);
  setTimeout(() => {
    log("stop took too long: exiting");
    process.exit(1);
  }, stopTimeoutMs + 10_000).unref();
  stopPeriodicSends();
  try {
    await stopBoss(stopTimeoutMs);
    // a reconciliation still running after its grace time must not stay "running"
    const closed = await closeInterruptedRuns();
    if (closed) log(`closed ${closed} interrupted reconciliation run(s)`);
    await closeDb();
    log("stopped");
    process.exit(0);
  } catch (err) {
    console.error(`[worker] stop failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await startBackground();
log("background jobs started");
console.log("WORKER_READY");
// pg-boss's polling keeps the event loop alive; nothing else to do here.
