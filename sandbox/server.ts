// startSandbox(): the Mono sandbox as an in-process HTTP server (node:http, no framework: the
// sandbox must never be the bottleneck of the console's benchmarks).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TMonoApiKeyRole } from "../lib/mono/contract";
import type { TTask } from "./clock";
import { Sandbox } from "./context";
import { advancePayout } from "./engine/payouts";
import { advanceTransfer } from "./engine/transfer-steps";
import { advanceBatch } from "./engine/transfers";
import type { TFaultConfig } from "./faults";
import { makeWriter, restore } from "./persist";
import { handle } from "./pipeline";
import { Router } from "./router";
import { adminRoutes } from "./routes/admin";
import { bankingRoutes } from "./routes/banking";
import { ledgerRoutes } from "./routes/ledger";
import { payoutRoutes } from "./routes/payouts";
import { transferRoutes } from "./routes/transfers";
import { DEFAULT_API_KEYS, seedDefaults } from "./seed";

export type { TFaultConfig } from "./faults";

export type TSandboxOptions = {
  port?: number; // 0 = random free port; default 4010 from main.ts
  host?: string; // default 127.0.0.1
  apiKeys?: { key: string; role: TMonoApiKeyRole; label?: string }[];
  webhookUrl?: string; // where signed webhooks are POSTed (optional)
  webhookSecret?: string; // HMAC secret for Mono-Signature
  timeScale?: number; // 1 = real time; 0.01 = state changes and webhook retries 100× faster
  allowFaults?: boolean; // faults are ignored unless true
  faults?: TFaultConfig; // per-run fault mix (rates per kind)
  adminEnabled?: boolean; // the test-only admin surface under /_sandbox/*
  adminToken?: string; // if set, admin calls need header x-sandbox-admin-token
  stateFile?: string; // optional JSON file to persist state across restarts (debounced writes)
  seed?: boolean; // seed default accounts/ledger accounts/balances/banks (default true)
};

export type TSandboxHandle = { url: string; port: number; close(): Promise<void> };

export const DEFAULT_WEBHOOK_SECRET = "whsec_sandbox_default_secret";

function runTask(sb: Sandbox, task: TTask): void {
  switch (task.kind) {
    case "batch":
      return advanceBatch(sb, task.id);
    case "transfer":
      return advanceTransfer(sb, task.id);
    case "payout":
      return advancePayout(sb, task.id);
    case "webhook":
      return sb.webhooks.attempt(task.id);
    case "webhook_release":
      return sb.webhooks.release(task.resource);
  }
}

export async function startSandbox(opts: TSandboxOptions = {}): Promise<TSandboxHandle> {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error("timeScale must be > 0");
  const sb = new Sandbox(
    timeScale,
    opts.allowFaults === true,
    opts.faults ?? {},
    {
      urls: opts.webhookUrl ? [opts.webhookUrl] : [],
      secret: opts.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    },
    opts.apiKeys && opts.apiKeys.length > 0 ? opts.apiKeys : DEFAULT_API_KEYS,
  );
  sb.runTask = (t) => runTask(sb, t);
  const seed = opts.seed !== false;
  const reseed = (): void => {
    if (seed) seedDefaults(sb);
  };

  const writer = opts.stateFile ? makeWriter(sb, opts.stateFile) : null;
  if (!(opts.stateFile && restore(sb, opts.stateFile))) reseed();
  if (writer) sb.onChange = writer.schedule;

  const router = new Router();
  router.add(bankingRoutes(sb));
  router.add(transferRoutes(sb));
  router.add(ledgerRoutes(sb));
  router.add(payoutRoutes(sb));
  if (opts.adminEnabled) router.add(adminRoutes(sb, { seedOnReset: seed }));

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    void handle(sb, router, { adminToken: opts.adminToken }, req, res);
  });
  server.on("clientError", (_err, socket) => socket.destroy());
  const sweeper = setInterval(() => sb.idem.sweep(), 60_000);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = opts.host ?? "127.0.0.1";
  const shownHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      clearInterval(sweeper);
      sb.clock.close();
      sb.webhooks.close();
      writer?.flush();
      // Hanging (fault) requests and idle keep-alive sockets must not keep close() waiting.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
