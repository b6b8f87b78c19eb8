import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

// `npm run worker` (scripts/worker.ts): the background jobs in a process that serves no page.
// It starts the same queue a web instance starts (pg-boss in schema "pgboss", one queue per job of
// lib/jobs/registry.ts), says WORKER_READY, and on SIGTERM stops gracefully with exit code 0.
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");

describe("the worker process", () => {
  it("starts every job's queue, then stops cleanly on SIGTERM", async () => {
    const proc = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      {
        cwd: root,
        // a short grace time: the hourly reconciliation queued at start may be cut short
        env: {
          ...process.env,
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
          WORKER_STOP_TIMEOUT_MS: "500",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    proc.stdout.on("data", (c: Buffer) => (out += c.toString()));
    proc.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.once("exit", (c) => resolve(c)));
    const until = Date.now() + 60_000;
    while (!out.includes("WORKER_READY") && Date.now() < until && proc.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain("WORKER_READY");

    const { JOBS } = await import("@/lib/jobs/registry");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const r = await client.query<{ name: string }>("SELECT name FROM pgboss.queue");
      const names = new Set(r.rows.map((x) => x.name));
      for (const j of JOBS) expect(names.has(j.name), j.name).toBe(true);
    } finally {
      await client.end();
    }

    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toMatch(/\[worker\] stopped/);
    // whatever the reconciliation it started was doing, it is not left "running" (which would
    // refuse every other run until its heartbeat went stale)
    const after = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await after.connect();
    try {
      const r = await after.query(`SELECT id FROM "ReconciliationRun" WHERE state = 'running'`);
      expect(r.rows).toEqual([]);
    } finally {
      await after.end();
    }
  }, 90_000);
});
