// The parts a benchmark needs, started the same way the console starts them: a fresh database on
// the real PostgreSQL at 127.0.0.1:5432 when it answers (else on a throwaway embedded PostgreSQL
// 17), migrated, and
// the Mono sandbox as its own process (so it never shares this process's event loop).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createFreshDatabase, startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { freePort } from "../../scripts/lib/free-port";
import { waitForLine } from "../../scripts/lib/children";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const BENCH_SANDBOX_KEY = "sk_bench_sandbox_admin_0001";

export type TBenchStack = {
  databaseUrl: string;
  database: string;
  sandboxUrl: string;
  stop(): Promise<void>;
};

export async function startBenchStack(o: {
  dbName: string;
  sandboxEnv?: Record<string, string>;
}): Promise<TBenchStack> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl: string;
  let database: string;
  const admin = new pg.Client({
    connectionString: process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    connectionTimeoutMillis: 2_000,
  });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${o.dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${o.dbName}"`);
    await admin.end();
    const u = new URL(process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
    u.pathname = `/${o.dbName}`;
    databaseUrl = u.toString();
    database = "PostgreSQL 15 (127.0.0.1:5432)";
  } catch {
    const emb = await startEmbeddedDb();
    stops.push(emb.stop);
    databaseUrl = (await createFreshDatabase(emb.url, o.dbName)).url;
    database = "embedded PostgreSQL 17";
  }
  migrateDeploy(databaseUrl, { quiet: true });

  const port = await freePort();
  const sandbox = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_API_KEYS: `${BENCH_SANDBOX_KEY}:Administrator`,
      SANDBOX_ADMIN: "1",
      ...o.sandboxEnv,
    },
  });
  await waitForLine(sandbox, "SANDBOX_READY", 30_000);
  sandbox.stdout?.resume();
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        sandbox.once("exit", () => resolve());
        sandbox.kill("SIGTERM");
      }),
  );
  return {
    databaseUrl,
    database,
    sandboxUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      for (const s of stops.reverse()) await s();
    },
  };
}

export function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
