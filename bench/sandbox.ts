// Benchmark: the Mono sandbox must never be the bottleneck of the console's benchmarks
// (target ≥ 2,000 GET/s and ≥ 500 writes/s at 32 concurrent clients on 2 cores).
// Runs the sandbox as a child process (as `npm run sandbox` does) so autocannon and the server
// each get a core; prints figures, then ONE JSON object as the last line.
//   npx tsx bench/sandbox.ts            (DURATION=5 CONNECTIONS=32 to override)
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";

const DURATION = Number(process.env.DURATION ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const KEY = "sk_sandbox_administrator";
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function startChild(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["sandbox/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SANDBOX_PORT: "0",
      SANDBOX_ADMIN: "1",
      SANDBOX_WEBHOOK_URL: "",
      SANDBOX_STATE_FILE: "",
      SANDBOX_ALLOW_FAULTS: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /SANDBOX_READY (\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

function payoutBody(): string {
  return JSON.stringify({
    account_id: "lacc_4PagosProveedores9aBcD",
    method: "co_ach",
    external_id: `bench-${randomUUID()}`,
    target: {
      country: "CO",
      currency: "COP",
      kind: "co_bank_account",
      account_number: "00123456789",
      account_type: "savings_account",
      bank_code: "1007",
      payee: {
        kind: "co_person",
        name: "Proveedor Bench",
        document_type: "CC",
        document_number: "1020304050",
      },
    },
    target_amount: { amount: 10_000_00, currency: "COP" },
  });
}

async function run(title: string, opts: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  process.stdout.write(
    `${title.padEnd(34)} ${Math.round(result.requests.average).toString().padStart(6)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  total ${result.requests.total}  non-2xx/errors ${non2xx}\n`,
  );
  return result;
}

async function main(): Promise<void> {
  const { url, child } = await startChild();
  try {
    const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
    // Enough balance for any number of payouts the run can create.
    await fetch(`${url}/_sandbox/ledger/accounts/lacc_4PagosProveedores9aBcD/balance`, {
      method: "POST",
      body: JSON.stringify({ available: 9e15 }),
    });
    await run("warm-up", { url: `${url}/v1/accounts`, headers: auth, duration: 1 });
    process.stdout.write(
      `Mono sandbox benchmark: ${CONNECTIONS} connections, ${DURATION} s each\n`,
    );
    const get = await run("GET /v1/accounts", { url: `${url}/v1/accounts`, headers: auth });
    const write = await run("POST /v1/core/payouts (unique keys)", {
      url,
      requests: [
        {
          method: "POST",
          path: "/v1/core/payouts",
          setupRequest: (req) => ({
            ...req,
            headers: { ...auth, "x-idempotency-key": randomUUID() },
            body: payoutBody(),
          }),
        },
      ],
    });
    const dup = (await (await fetch(`${url}/_sandbox/duplicates`)).json()) as {
      duplicates: unknown[];
      payouts: number;
    };
    process.stdout.write(`payouts created: ${dup.payouts}, duplicates: ${dup.duplicates.length}\n`);
    const ok = (r: autocannon.Result): number =>
      Math.round(r.requests.average * (r["2xx"] / Math.max(1, r.requests.total)));
    process.stdout.write(
      JSON.stringify({ bench: "sandbox", get_per_s: ok(get), write_per_s: ok(write) }) + "\n",
    );
  } finally {
    child.kill("SIGTERM");
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
