// `npm start`: the whole console from one command. Database (an embedded PostgreSQL 17 in
// $DATA_DIR/postgres unless DATABASE_URL) → migrations → embedded Mono sandbox (sandbox mode) → demo users (sandbox mode) → production
// build if missing or stale → `next start` → a banner with the URL and logins. Ctrl-C stops all.
import { existsSync } from "node:fs";
import path from "node:path";
import { readEnv, EnvError } from "../lib/env-schema";
import { startEmbeddedDb } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/migrate";
import { loadLocalSecrets } from "./lib/local-secrets";
import { spawnChild, stopAll, track, waitForLine } from "./lib/children";
import { buildIfStale } from "./lib/build-if-stale";
import { freePort, isPortFree } from "./lib/free-port";
import { runSeed } from "./lib/run-seed";
import { printBanner } from "./lib/banner";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const log = (msg: string) => console.log(`[start] ${msg}`);

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping…");
  await stopAll();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const monoEnv = process.env.MONO_ENV ?? "sandbox";
  const sandboxMode = monoEnv === "sandbox";
  if (sandboxMode) {
    // Secrets nobody configured are generated once and kept in .data/ (sandbox only).
    const s = loadLocalSecrets(dataDir);
    childEnv.NEXTAUTH_SECRET ??= s.nextauthSecret;
    childEnv.MONO_WEBHOOK_SECRET ??= s.webhookSecret;
    childEnv.NEXTAUTH_URL ??= `http://localhost:${port}`;
    childEnv.DEMO_USERS ??= "1";
  }
  if (!(await isPortFree(port)))
    throw new Error(`port ${port} is in use: set PORT to another port`);

  // Production mode never gets an embedded database: without DATABASE_URL, readEnv refuses below.
  const embedded = !childEnv.DATABASE_URL && sandboxMode;
  const dbDir = path.join(dataDir, "postgres");
  if (embedded) {
    log(`starting the embedded PostgreSQL 17, data in ${path.relative(root, dbDir)}`);
    const t0 = Date.now();
    const pg = await startEmbeddedDb({
      dir: dbDir,
      password: loadLocalSecrets(dataDir).databasePassword,
      logFile: path.join(dataDir, "postgres.log"),
    });
    track("postgres", pg.child, pg.stop);
    pg.child.once("exit", (code) => {
      if (shuttingDown) return;
      console.error(`[start] the embedded PostgreSQL stopped (code ${code}): see ${dbDir}.log`);
      void shutdown(code || 1);
    });
    childEnv.DATABASE_URL = pg.url;
    log(`embedded PostgreSQL ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } else if (childEnv.DATABASE_URL) {
    log("using DATABASE_URL");
  }

  if (
    sandboxMode &&
    !process.env.MONO_SANDBOX_BASE_URL &&
    existsSync(path.join(root, "sandbox/main.ts"))
  ) {
    const s = loadLocalSecrets(dataDir);
    const sandboxPort = (await isPortFree(4010)) ? 4010 : await freePort();
    log(`starting the embedded Mono sandbox on port ${sandboxPort}`);
    const proc = spawnChild("sandbox", process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_API_KEYS: `${s.sandboxAdminKey}:Administrator,${s.sandboxBatchKey}:Administrator`,
        SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/mono`,
        SANDBOX_WEBHOOK_SECRET: childEnv.MONO_WEBHOOK_SECRET,
        SANDBOX_STATE_FILE: path.join(dataDir, "sandbox-state.json"),
        SANDBOX_ADMIN: "1",
        SANDBOX_ADMIN_TOKEN: s.sandboxAdminToken,
      },
    });
    await waitForLine(proc, "SANDBOX_READY", 30_000);
    proc.stdout?.resume();
    childEnv.MONO_SANDBOX_BASE_URL = `http://127.0.0.1:${sandboxPort}`;
    childEnv.MONO_SANDBOX_API_KEY ??= s.sandboxAdminKey;
    childEnv.MONO_SANDBOX_BATCH_API_KEY ??= s.sandboxBatchKey;
    childEnv.MONO_SANDBOX_KEY_ISSUED_AT ??= new Date().toISOString().slice(0, 10);
    childEnv.MONO_SANDBOX_ADMIN_TOKEN ??= s.sandboxAdminToken;
  }

  try {
    readEnv(childEnv);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      return shutdown(1);
    }
    throw err;
  }

  log("applying database migrations");
  migrateDeploy(childEnv.DATABASE_URL!, { quiet: true });

  let logins: { role: string; email: string; password: string }[] = [];
  if (sandboxMode && childEnv.DEMO_USERS !== "0" && childEnv.DEMO_USERS !== "false") {
    log("seeding demo users");
    logins = await runSeed(root, childEnv);
  }

  log(
    buildIfStale(root, childEnv) === "built"
      ? "production build made"
      : "production build is up to date",
  );

  const next = spawnChild(
    "next",
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", host],
    {
      cwd: root,
      env: childEnv,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  next.once("exit", (code) => {
    if (!shuttingDown) {
      console.error(`[start] the web server exited (code ${code})`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000);
  printBanner({
    url: `http://localhost:${port}`,
    monoEnv,
    database: embedded
      ? `embedded PostgreSQL 17 (${path.relative(root, dbDir)}, log in ${path.relative(root, dataDir)}/postgres.log)`
      : "DATABASE_URL",
    sandbox: childEnv.MONO_SANDBOX_BASE_URL,
    logins,
  });
}

async function waitForHealth(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("the web server did not become healthy in time");
}

main().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
