// The parts every reliability suite needs, each in its own process so that nothing shares the
// driver's event loop: a fresh database (a new database on the PostgreSQL at 127.0.0.1:5432 when
// one answers, else on a throwaway embedded PostgreSQL), the Mono sandbox (faults allowed, admin surface on, a fast clock), and
// log capture for the secret scan. No lib/ import here: the driver talks to the console over HTTP
// and reads the database with plain `pg`.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, appendFileSync } from "node:fs";
import path from "node:path";
import { createFreshDatabase, startEmbeddedDb } from "../../lib/embedded-db";
import { migrateDeploy } from "../../lib/migrate";
import { freePort } from "../../lib/free-port";
import { waitForLine } from "../../lib/children";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
export const SUITES_DIR = path.join(ROOT, ".data", "suites");

export type TDatabase = {
  url: string;
  kind: "postgresql" | "embedded";
  label: string;
  stop(): Promise<void>;
};

/** A brand-new, migrated database. `SUITES_PG_URL` (or TEST_DATABASE_URL) names the server. */
export async function freshDatabase(
  name: string,
  o: { migrate?: boolean } = {},
): Promise<TDatabase> {
  const server =
    process.env.SUITES_PG_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  let db: TDatabase;
  try {
    const fresh = await createFreshDatabase(server, name);
    db = {
      url: fresh.url,
      kind: "postgresql",
      label: `PostgreSQL (${new URL(server).host})`,
      // SUITES_KEEP_DB=1 leaves the database for a post-mortem (its name is in the URL).
      stop: async () => {
        if (process.env.SUITES_KEEP_DB !== "1") await fresh.drop().catch(() => undefined);
      },
    };
  } catch {
    const emb = await startEmbeddedDb();
    const fresh = await createFreshDatabase(emb.url, name);
    db = { url: fresh.url, kind: "embedded", label: "embedded PostgreSQL 17", stop: emb.stop };
  }
  if (o.migrate !== false) migrateDeploy(db.url, { quiet: true });
  return db;
}

/** Collects every line a child prints (for the secret scan) and mirrors it to a file. */
export class LogCapture {
  readonly chunks: string[] = [];
  readonly file: string;
  constructor(name: string) {
    mkdirSync(path.join(SUITES_DIR, "logs"), { recursive: true });
    this.file = path.join(SUITES_DIR, "logs", `${name}-${Date.now()}.log`);
  }
  attach(proc: ChildProcess, label: string, o: { echo?: boolean } = {}): void {
    const take = (c: Buffer) => {
      const s = c.toString();
      this.chunks.push(s);
      appendFileSync(this.file, s.replace(/^/gm, `[${label}] `));
      if (o.echo) process.stderr.write(s);
    };
    proc.stdout?.on("data", take);
    proc.stderr?.on("data", take);
  }
  text(): string {
    return this.chunks.join("");
  }
}

export type TSandboxProc = {
  url: string;
  port: number;
  proc: ChildProcess;
  adminToken: string;
  stop(): Promise<void>;
};

export const SUITE_SANDBOX_KEY = `sk_suite_${Math.random().toString(36).slice(2)}_${Date.now().toString(36)}`;

/** The Mono sandbox as its own process; `env` adds SANDBOX_* settings (webhook URL, secret…). */
export async function startSandboxProcess(o: {
  env?: Record<string, string>;
  logs?: LogCapture;
  apiKey?: string;
}): Promise<TSandboxProc> {
  const port = await freePort();
  const adminToken = `adm_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const proc = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_API_KEYS: `${o.apiKey ?? SUITE_SANDBOX_KEY}:Administrator`,
      SANDBOX_ADMIN: "1",
      SANDBOX_ADMIN_TOKEN: adminToken,
      SANDBOX_ALLOW_FAULTS: "1",
      SANDBOX_TIME_SCALE: "0.01",
      ...o.env,
    },
  });
  await waitForLine(proc, "SANDBOX_READY", 60_000);
  o.logs?.attach(proc, "sandbox");
  return { url: `http://127.0.0.1:${port}`, port, proc, adminToken, stop: () => stopProcess(proc) };
}

export function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  return new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const t = setTimeout(() => proc.kill("SIGKILL"), 8_000);
    proc.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    proc.kill(signal);
  });
}

/** Admin calls to the sandbox (`/_sandbox/...`). */
export function sandboxAdmin(sb: { url: string; adminToken: string }) {
  return async <T>(p: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${sb.url}/_sandbox${p}`, {
      method: init.method ?? "GET",
      headers: { "content-type": "application/json", "x-sandbox-admin-token": sb.adminToken },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!res.ok) throw new Error(`sandbox admin ${p} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function argValue(
  name: string,
  fallback: string | undefined = undefined,
): string | undefined {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const a = process.argv[i];
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : (process.argv[i + 1] ?? "");
}
