import {
  createFreshDatabase,
  startEmbeddedDb,
  type TEmbeddedDb,
} from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";
import { startSandbox } from "../../sandbox/server";

// One database per test run, fresh and migrated: on a throwaway embedded PostgreSQL started for the
// run (its temporary directory is deleted afterwards), or with TEST_DATABASE_URL on that server
// (dropped afterwards), so runs never see each other's rows.
let embedded: TEmbeddedDb | undefined;
let dropDb: (() => Promise<void>) | undefined;
let sandbox: { url: string; close(): Promise<void> } | undefined;

// One Mono sandbox for the run, fast clock (100×), faults allowed only through the per-request
// header, admin surface on: what the console's own Mono client (lib/mono singleton) talks to.
export const TEST_SANDBOX_KEY = "sk_test_sandbox_admin_key_0001";

export async function setup() {
  let server = process.env.TEST_DATABASE_URL;
  if (!server) {
    embedded = await startEmbeddedDb();
    server = embedded.url;
  }
  // The suites' short versions (tests/integration/suites) make their own databases on this server.
  process.env.SUITES_PG_URL ??= server;
  const fresh = await createFreshDatabase(server, "mono_test");
  dropDb = fresh.drop;
  const url = fresh.url;
  migrateDeploy(url, { quiet: true });
  process.env.DATABASE_URL = url;
  (process.env as Record<string, string>).NODE_ENV = "test";
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  // Webhook receiver tests sign with these (current and previous secret during a rotation).
  process.env.MONO_WEBHOOK_SECRET ??= "whsec_test_current_0123456789";
  process.env.MONO_WEBHOOK_SECRET_PREVIOUS ??= "whsec_test_previous_0123456789";
  sandbox = await startSandbox({
    port: 0,
    apiKeys: [{ key: TEST_SANDBOX_KEY, role: "Administrator" }],
    timeScale: 0.01,
    allowFaults: true,
    adminEnabled: true,
  });
  process.env.MONO_SANDBOX_BASE_URL = sandbox.url;
  process.env.MONO_SANDBOX_API_KEY = TEST_SANDBOX_KEY;
  process.env.MONO_SANDBOX_KEY_ISSUED_AT = new Date().toISOString().slice(0, 10);
}

export async function teardown() {
  await sandbox?.close();
  if (!embedded) await dropDb?.(); // an embedded server goes with its directory
  await embedded?.stop();
}
