// The CLI entry (tsx sandbox/main.ts) and the state file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { boot, KEYS, payoutBody } from "./helpers";

const root = path.resolve(__dirname, "../../..");
const dir = mkdtempSync(path.join(tmpdir(), "sbx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sandbox/main.ts", () => {
  it("prints SANDBOX_READY <url>, serves with env keys, and exits 0 on SIGTERM", async () => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["sandbox/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        SANDBOX_PORT: "0",
        SANDBOX_API_KEYS: "k1:Administrator,k2:Viewer",
        SANDBOX_ADMIN: "1",
        SANDBOX_ALLOW_FAULTS: "true",
        SANDBOX_FAULTS: "rate=0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        const m = /^SANDBOX_READY (http:\/\/\S+)$/m.exec(out);
        if (m) resolve(m[1]);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      setTimeout(() => reject(new Error("no SANDBOX_READY")), 20_000);
    });
    const r = await fetch(`${url}/v1/accounts`, { headers: { authorization: "Bearer k1" } });
    expect(r.status).toBe(200);
    expect(
      (await fetch(`${url}/v1/accounts`, { headers: { authorization: `Bearer ${KEYS.admin}` } }))
        .status,
    ).toBe(401);
    expect((await fetch(`${url}/_sandbox/state`)).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.once("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  }, 30_000);

  it("refuses a bad configuration", async () => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["sandbox/main.ts"], {
      cwd: root,
      env: { ...process.env, SANDBOX_PORT: "0", SANDBOX_API_KEYS: "k1:Boss" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
  }, 30_000);
});

describe("stateFile", () => {
  it("persists objects, balances, idempotency and pending transitions across a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const a = await boot({ stateFile });
    const key = crypto.randomUUID();
    const body = payoutBody();
    const p = (await a.call("POST", "/v1/core/payouts", { body, idem: key })).body;
    const bal = (await a.call("GET", `/v1/ledger/accounts/${body.account_id}/balances`)).body;
    await a.close();

    const b = await boot({ stateFile });
    try {
      expect((await b.call("GET", `/v1/core/payouts/${p.id}`)).body.state).toBe("pending");
      expect((await b.call("GET", `/v1/ledger/accounts/${body.account_id}/balances`)).body).toEqual(
        bal,
      );
      const replay = await b.call("POST", "/v1/core/payouts", { body, idem: key });
      expect(replay.status).toBe(200);
      expect(replay.body.id).toBe(p.id);
      await b.admin("POST", "/clock/advance", { seconds: 60 });
      expect((await b.call("GET", `/v1/core/payouts/${p.id}`)).body.state).toBe("settled");
      expect((await b.admin("GET", "/duplicates")).body.duplicates).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
