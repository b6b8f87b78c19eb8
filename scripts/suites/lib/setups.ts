// Ready-made stacks for the suites: the route-host console with its own sandbox and database, or
// the launcher (`npm start`: embedded sandbox + `next start`) on a fresh database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { freePort } from "../../lib/free-port";
import {
  freshDatabase,
  LogCapture,
  startSandboxProcess,
  ROOT,
  stopProcess,
  SUITE_SANDBOX_KEY,
  type TDatabase,
} from "./stack";
import {
  newSecrets,
  routeHost,
  startLauncher,
  type TConsoleSecrets,
  type TRouteHost,
} from "./console";
import type { TSecret } from "./secret-scan";

export type TStack = {
  consoleUrl: string;
  sandbox: { url: string; adminToken: string };
  db: TDatabase;
  pool: pg.Pool;
  secrets: TConsoleSecrets;
  logs: LogCapture;
  host?: TRouteHost;
  /** With `instances`: every web instance (host is the first), each with JOBS_DISABLED=1. */
  hosts?: TRouteHost[];
  describe: string;
  secretList(): TSecret[];
  stop(): Promise<void>;
};

// Hangs must end for the run to end: the client gives up on a silent response after
// MONO_TIMEOUT_RESPONSE_MS and the sandbox drops a hung socket after hang_ms (a bit longer).
export const SUITE_TIMEOUTS = {
  MONO_TIMEOUT_RESPONSE_MS: "2000",
  MONO_TIMEOUT_TOTAL_MS: "30000",
  MONO_TIMEOUT_CONNECT_MS: "2000",
};

function secretList(s: TConsoleSecrets): TSecret[] {
  return [
    { name: "MONO_SANDBOX_API_KEY", value: s.monoApiKey },
    { name: "MONO_SANDBOX_BATCH_API_KEY", value: s.batchApiKey ?? "" },
    { name: "NEXTAUTH_SECRET", value: s.nextauthSecret },
    { name: "MONO_WEBHOOK_SECRET", value: s.webhookSecret },
    { name: "DEMO_PASSWORD", value: s.demoPassword ?? "" },
    { name: "SANDBOX_ADMIN_TOKEN", value: s.sandboxAdminToken ?? "" },
  ];
}

/** Route-host console + its own sandbox process + a fresh database. */
export async function routeHostStack(o: {
  name: string;
  env?: Record<string, string>;
  jobs?: boolean;
  sandboxEnv?: Record<string, string>;
  /** N web instances (route hosts, JOBS_DISABLED=1) + one worker (scripts/worker.ts). */
  instances?: number;
}): Promise<TStack> {
  const logs = new LogCapture(o.name);
  const db = await freshDatabase(`mono_suite_${o.name}`);
  const port = await freePort();
  const secrets = newSecrets(SUITE_SANDBOX_KEY);
  const sandbox = await startSandboxProcess({
    logs,
    env: {
      SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/mono`,
      SANDBOX_WEBHOOK_SECRET: secrets.webhookSecret,
      ...o.sandboxEnv,
    },
  });
  secrets.sandboxAdminToken = sandbox.adminToken;
  const several = (o.instances ?? 1) > 1;
  const hostEnv = {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: secrets.nextauthSecret,
    MONO_SANDBOX_BASE_URL: sandbox.url,
    MONO_SANDBOX_API_KEY: secrets.monoApiKey,
    MONO_SANDBOX_KEY_ISSUED_AT: new Date().toISOString().slice(0, 10),
    MONO_WEBHOOK_SECRET: secrets.webhookSecret,
    LOG_LEVEL: "info",
    ...SUITE_TIMEOUTS,
    ...o.env,
  };
  const host = await routeHost({ logs, port, jobs: several ? false : o.jobs, env: hostEnv });
  await host.start();
  const hosts = [host];
  let worker: ChildProcess | null = null;
  if (several) {
    for (let i = 1; i < o.instances!; i++) {
      const h = await routeHost({ logs, jobs: false, env: hostEnv });
      await h.start();
      hosts.push(h);
    }
    worker = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", ...hostEnv, NEXTAUTH_URL: host.url },
      },
    );
    logs.attach(worker, "worker");
    await waitForWorker(worker);
  }
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  return {
    consoleUrl: host.url,
    sandbox,
    db,
    pool,
    secrets,
    logs,
    host,
    hosts,
    describe: several
      ? `${hosts.length} route hosts (app/api handlers, JOBS_DISABLED=1) + 1 worker (scripts/worker.ts) on one database, ${db.label}`
      : `route host (app/api handlers + pg-boss jobs in one node process), ${db.label}`,
    secretList: () => secretList(secrets),
    stop: async () => {
      for (const h of hosts.slice(1)) await h.stop();
      if (worker) await stopProcess(worker);
      await host.stop();
      await pool.end().catch(() => undefined);
      await sandbox.stop();
      await db.stop();
    },
  };
}

/** `npm start` (the launcher) on a fresh PostgreSQL database: embedded sandbox + `next start`. */
export async function launcherStack(o: {
  name: string;
  env?: Record<string, string>;
  log?: (s: string) => void;
}): Promise<TStack> {
  const logs = new LogCapture(o.name);
  const db = await freshDatabase(`mono_suite_${o.name}`, { migrate: false }); // the launcher migrates
  const demoPassword = `demo-${randomBytes(12).toString("base64url")}`;
  const launched = await startLauncher({
    name: o.name,
    logs,
    demoPassword,
    log: o.log,
    env: {
      DATABASE_URL: db.url,
      SANDBOX_ALLOW_FAULTS: "1",
      SANDBOX_TIME_SCALE: "0.01",
      LOG_LEVEL: "info",
      ...SUITE_TIMEOUTS,
      ...o.env,
    },
  });
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  return {
    consoleUrl: launched.url,
    sandbox: { url: launched.sandboxUrl, adminToken: launched.secrets.sandboxAdminToken! },
    db,
    pool,
    secrets: launched.secrets,
    logs,
    describe: `npm start (launcher → embedded sandbox + next start, production build of HEAD), ${db.label}`,
    secretList: () => secretList(launched.secrets),
    stop: async () => {
      await launched.stop();
      await pool.end().catch(() => undefined);
      await db.stop();
    },
  };
}

function waitForWorker(proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error("the worker did not start in time")),
      timeoutMs,
    );
    proc.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("WORKER_READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (code ${code})`));
    });
  });
}
