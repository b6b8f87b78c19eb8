import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

export type TLocalSecrets = {
  nextauthSecret: string;
  sandboxAdminKey: string;
  sandboxBatchKey: string;
  webhookSecret: string;
  sandboxAdminToken: string;
  /** The embedded PostgreSQL's password (its data directory keeps it). */
  databasePassword: string;
};

// The embedded default needs secrets nobody configured. They are generated once, kept in
// .data/ (git-ignored, mode 600) and reused, so sessions survive a restart. Never used when
// MONO_ENV=production: there every secret must come from the environment.
export function loadLocalSecrets(dataDir: string): TLocalSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "local-secrets.json");
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Partial<TLocalSecrets>)
    : {};
  const rnd = (n: number) => randomBytes(n).toString("base64url");
  const secrets: TLocalSecrets = {
    nextauthSecret: kept.nextauthSecret ?? rnd(48),
    sandboxAdminKey: kept.sandboxAdminKey ?? `sk_sandbox_${rnd(24)}`,
    sandboxBatchKey: kept.sandboxBatchKey ?? `sk_sandbox_batch_${rnd(24)}`,
    webhookSecret: kept.webhookSecret ?? `whsec_${rnd(32)}`,
    sandboxAdminToken: kept.sandboxAdminToken ?? rnd(24),
    databasePassword: kept.databasePassword ?? rnd(24),
  };
  // A file from an older version gains the secrets it lacked; an up-to-date one is left as it is.
  if (Object.keys(secrets).every((k) => k in kept)) return secrets;
  writeFileSync(file, JSON.stringify(secrets, null, 2));
  chmodSync(file, 0o600);
  return secrets;
}
