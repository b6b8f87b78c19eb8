// CLI entry: `tsx sandbox/main.ts`. Reads SANDBOX_* env vars, prints `SANDBOX_READY <url>` once
// listening, and closes cleanly on SIGINT/SIGTERM.
import type { TMonoApiKeyRole } from "../lib/mono/contract";
import { parseFaultConfig } from "./fault-config";
import { startSandbox, type TSandboxOptions } from "./server";

const ROLES: readonly TMonoApiKeyRole[] = ["Administrator", "Preparer", "Viewer"];

function flag(v: string | undefined): boolean {
  return v !== undefined && ["1", "true", "yes", "on"].includes(v.toLowerCase());
}

function apiKeys(v: string | undefined): TSandboxOptions["apiKeys"] {
  if (!v) return undefined;
  return v.split(",").map((pair) => {
    const i = pair.lastIndexOf(":");
    const key = pair.slice(0, i).trim();
    const role = ROLES.find((r) => r === pair.slice(i + 1).trim());
    if (i <= 0 || !role)
      throw new Error(`SANDBOX_API_KEYS: "${pair}" must be key:Administrator|Preparer|Viewer`);
    return { key, role };
  });
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): TSandboxOptions {
  const port = Number(env.SANDBOX_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error("SANDBOX_PORT must be a port number");
  const timeScale = env.SANDBOX_TIME_SCALE ? Number(env.SANDBOX_TIME_SCALE) : 1;
  if (!(timeScale > 0)) throw new Error("SANDBOX_TIME_SCALE must be a number > 0");
  return {
    port,
    host: env.SANDBOX_HOST ?? "127.0.0.1",
    apiKeys: apiKeys(env.SANDBOX_API_KEYS),
    webhookUrl: env.SANDBOX_WEBHOOK_URL || undefined,
    webhookSecret: env.SANDBOX_WEBHOOK_SECRET || undefined,
    timeScale,
    allowFaults: flag(env.SANDBOX_ALLOW_FAULTS),
    faults: env.SANDBOX_FAULTS ? parseFaultConfig(env.SANDBOX_FAULTS) : undefined,
    adminEnabled: flag(env.SANDBOX_ADMIN),
    adminToken: env.SANDBOX_ADMIN_TOKEN || undefined,
    stateFile: env.SANDBOX_STATE_FILE || undefined,
    seed: env.SANDBOX_SEED === undefined ? true : flag(env.SANDBOX_SEED),
  };
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(optionsFromEnv(process.env));
  process.stdout.write(`SANDBOX_READY ${sandbox.url}\n`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`sandbox: close failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`sandbox: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
