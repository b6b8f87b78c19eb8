import pg from "pg";
import { startEmbeddedDb, type TEmbeddedDb } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/migrate";

// One database per test run: PGlite in memory by default; with TEST_DATABASE_URL a fresh database
// is created on that server (and dropped afterwards) so runs never see each other's rows.
let embedded: TEmbeddedDb | undefined;
let dropDb: (() => Promise<void>) | undefined;

export async function setup() {
  let url: string;
  if (process.env.TEST_DATABASE_URL) {
    const base = new URL(process.env.TEST_DATABASE_URL);
    const name = `mono_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const target = new URL(base.toString());
    target.pathname = `/${name}`;
    url = target.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    embedded = await startEmbeddedDb({ dir: "memory://" });
    url = embedded.url;
  }
  migrateDeploy(url, { quiet: true });
  process.env.DATABASE_URL = url;
  (process.env as Record<string, string>).NODE_ENV = "test";
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
}

export async function teardown() {
  await dropDb?.();
  await embedded?.stop();
}
