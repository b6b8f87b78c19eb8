// Starting "the console" for a suite, two ways:
// - startRouteHost: the route handlers + background jobs in one node process (route-host.ts);
//   restartable in seconds, no production build (crash suite, the short suites in `npm test`).
// - startLauncher: the real thing, `npm start` (scripts/start.ts → embedded sandbox + `next start`)
//   with a fresh DATA_DIR and PORT, run from a snapshot of git HEAD (below).
import { execFileSync, execSync, spawn, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/free-port";
import { ROOT, SUITES_DIR, stopProcess, sleep, type LogCapture } from "./stack";

export type TConsoleSecrets = {
  nextauthSecret: string;
  webhookSecret: string;
  monoApiKey: string;
  demoPassword?: string;
  sandboxAdminToken?: string;
  batchApiKey?: string;
};

export function newSecrets(monoApiKey: string): TConsoleSecrets {
  return {
    nextauthSecret: randomBytes(36).toString("base64url"),
    webhookSecret: `whsec_suite_${randomBytes(18).toString("base64url")}`,
    monoApiKey,
  };
}

export async function waitHealthy(
  url: string,
  timeoutMs: number,
  proc?: ChildProcess,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && (proc.exitCode !== null || proc.signalCode !== null))
      throw new Error(
        `the console exited (${proc.exitCode ?? proc.signalCode}) before it was healthy`,
      );
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`the console at ${url} did not become healthy in ${timeoutMs} ms`);
}

export type TRouteHost = {
  url: string;
  port: number;
  proc: () => ChildProcess;
  /** (Re)spawns the process; `env` adds to the host's environment for this start only. */
  start(env?: Record<string, string>): Promise<number>;
  kill(): Promise<void>;
  stop(): Promise<void>;
};

/** The route-host console process. `start()` (re)spawns it on the same port and waits for health. */
export async function routeHost(o: {
  env: Record<string, string>;
  logs: LogCapture;
  port?: number;
  jobs?: boolean;
}): Promise<TRouteHost> {
  const port = o.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;
  let starts = 0;
  const start = async (extra: Record<string, string> = {}) => {
    const t0 = performance.now();
    proc = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/suites/lib/route-host.ts"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXTAUTH_URL: url,
          ...o.env,
          ...extra,
          PORT: String(port),
          JOBS_DISABLED: o.jobs === false ? "1" : "0",
        },
      },
    );
    o.logs.attach(proc, `console#${++starts}`);
    await waitHealthy(url, 120_000, proc);
    return performance.now() - t0;
  };
  return {
    url,
    port,
    proc: () => proc!,
    start,
    kill: async () => {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once("exit", () => resolve());
        p.kill("SIGKILL");
      });
    },
    stop: async () => {
      if (proc) await stopProcess(proc);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// `next start` through the launcher, from a snapshot of git HEAD.
//
// The working tree is shared with engineers who edit files and run `next build` into the same
// .next at any moment; a suite must not serve a half-written build or rebuild under their feet.
// The snapshot is `git archive HEAD` + a hard-linked copy of node_modules + `prisma generate`, kept
// per commit in the OS temp directory; the launcher builds it once (buildIfStale) and reuses it.

export function snapshotDir(): string {
  // SUITES_REUSE_SNAPSHOT=1: the newest snapshot already built (several suites in a row while HEAD moves).
  const base = path.join(os.tmpdir(), "mono-suites-build");
  if (process.env.SUITES_REUSE_SNAPSHOT === "1" && existsSync(base)) {
    const built = readdirSync(base)
      .filter(
        (d) => /^[0-9a-f]{12}$/.test(d) && existsSync(path.join(base, d, ".next", "BUILD_ID")),
      )
      .map((d) => ({ d, t: statSync(path.join(base, d, ".next", "BUILD_ID")).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    if (built.length) return path.join(base, built[0].d);
  }
  const sha = execSync("git rev-parse HEAD", { cwd: ROOT, encoding: "utf8" }).trim();
  return path.join(base, sha.slice(0, 12));
}

export function prepareSnapshot(log: (s: string) => void = () => undefined): string {
  const dir = snapshotDir();
  if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "generated")))
    return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log(`snapshot of HEAD into ${dir}`);
  execSync(`git archive HEAD | tar -x -C "${tmp}"`, { cwd: ROOT, stdio: "inherit" });
  execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(tmp, "node_modules")]);
  execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], {
    cwd: tmp,
    stdio: ["ignore", "pipe", "inherit"],
  });
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

export type TLaunched = {
  url: string;
  sandboxUrl: string;
  dataDir: string;
  secrets: TConsoleSecrets;
  proc: ChildProcess;
  stop(): Promise<void>;
};

/** `npm start` (the launcher) in the snapshot, with a fresh DATA_DIR and PORT. */
export async function startLauncher(o: {
  name: string;
  env: Record<string, string>;
  logs: LogCapture;
  demoPassword: string;
  log?: (s: string) => void;
}): Promise<TLaunched> {
  const dir = prepareSnapshot(o.log);
  const port = await freePort();
  const dataDir = path.join(SUITES_DIR, `${o.name}-${Date.now()}`);
  mkdirSync(dataDir, { recursive: true });
  const proc = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: stopping it stops the sandbox and next too
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DEMO_PASSWORD: o.demoPassword,
      ...o.env,
    },
  });
  o.logs.attach(proc, "launcher");
  let out = "";
  proc.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
    if (o.log) for (const l of c.toString().split("\n")) if (l.startsWith("[start]")) o.log(l);
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, 15 * 60_000, proc);
  const sandboxPort = /embedded Mono sandbox on port (\d+)/.exec(out)?.[1];
  if (!sandboxPort) throw new Error("the launcher did not report its sandbox port");
  const local = JSON.parse(readFileSync(path.join(dataDir, "local-secrets.json"), "utf8")) as {
    nextauthSecret: string;
    sandboxAdminKey: string;
    sandboxBatchKey: string;
    webhookSecret: string;
    sandboxAdminToken: string;
  };
  const secrets: TConsoleSecrets = {
    nextauthSecret: local.nextauthSecret,
    webhookSecret: local.webhookSecret,
    monoApiKey: local.sandboxAdminKey,
    batchApiKey: local.sandboxBatchKey,
    sandboxAdminToken: local.sandboxAdminToken,
    demoPassword: o.demoPassword,
  };
  return {
    url,
    sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
    dataDir,
    secrets,
    proc,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          try {
            process.kill(-proc.pid!, "SIGKILL");
          } catch {
            /* gone */
          }
          resolve();
        }, 15_000);
        proc.once("exit", () => {
          clearTimeout(t);
          resolve();
        });
        proc.kill("SIGTERM");
      });
    },
  };
}
