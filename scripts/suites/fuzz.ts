// `npm run fuzz [-- --inputs 10000 --seed 42]`
// Property-based bad inputs (fast-check) against every route handler under app/api, in-process,
// with a valid admin session and Origin, on a fresh database and a sandbox process.
// Invariants: no 5xx, every error in the problem+json shape with request_id, nothing written; a
// signed webhook whose data PostgreSQL cannot store is answered 2xx and kept as unprocessable.
// Last line: {"suite":"fuzz","inputs":…,"routes":…,"server_errors":…,"bad_shape":…,"writes":…,…}
import os from "node:os";
import { randomBytes } from "node:crypto";
import {
  freshDatabase,
  LogCapture,
  startSandboxProcess,
  SUITE_SANDBOX_KEY,
  argValue,
  ROOT,
} from "./lib/stack";

const inputs = Number(argValue("inputs", process.env.FUZZ_INPUTS ?? "10000"));
const seed = Number(argValue("seed", String(Date.now() % 1_000_000)));
const log = (s: string) => console.log(`[fuzz] ${s}`);

// Dropping the suite's database at the end ends the pool's idle connections from the server side.
process.on("uncaughtException", (err) => {
  if (/terminating connection due to administrator command/.test(String(err))) return;
  console.error(err);
  process.exit(1);
});
const logs = new LogCapture("fuzz");
const database = await freshDatabase("mono_suite_fuzz");
const webhookSecret = `whsec_fuzz_${randomBytes(12).toString("base64url")}`;
const sandbox = await startSandboxProcess({ logs });
Object.assign(process.env, {
  DATABASE_URL: database.url,
  DATABASE_POOL_MAX: "4",
  NEXTAUTH_SECRET: randomBytes(36).toString("base64url"),
  NEXTAUTH_URL: "http://localhost:3000",
  MONO_SANDBOX_BASE_URL: sandbox.url,
  MONO_SANDBOX_API_KEY: SUITE_SANDBOX_KEY,
  MONO_SANDBOX_KEY_ISSUED_AT: new Date().toISOString().slice(0, 10),
  MONO_WEBHOOK_SECRET: webhookSecret,
  MONO_TIMEOUT_TOTAL_MS: "10000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
});
const { runFuzz, rowCounter } = await import("./lib/fuzz-core");
const { fuzzSchemas } = await import("./lib/fuzz-schemas");
const { db } = await import("@/lib/db");
const { makeUser } = await import("@/prisma/factories");
const { sessionCookie } = await import("@/tests/support/route");

let exit = 1;
let line = "";
try {
  const { user } = await makeUser({ role: "admin" });
  const countRows = await rowCounter((sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql));
  log(`${inputs} inputs, seed ${seed}, ${database.label}`);
  // A few generated bodies turn out valid and are skipped: generate 3 % more than asked.
  const r = await runFuzz({
    root: ROOT,
    inputs: Math.ceil(inputs * 1.03),
    seed,
    cookie: await sessionCookie(user),
    origin: "http://localhost:3000",
    webhookSecret,
    countRows,
    schemas: fuzzSchemas(),
    log,
  });
  const f = r.figures;
  log(`statuses ${JSON.stringify(r.byStatus)}`);
  log(`kinds ${JSON.stringify(r.byKind)}`);
  log(`no input surface (nothing to fuzz): ${r.noSurface.join(", ")}`);
  if (f.accidentally_valid) log(`accepted (valid after all): ${JSON.stringify(r.validByRoute)}`);
  for (const s of r.samples) log(s);
  const ok = f.server_errors === 0 && f.bad_shape === 0 && f.writes === 0 && f.inputs >= inputs;
  exit = ok ? 0 : 1;
  line = JSON.stringify({
    suite: "fuzz",
    inputs: f.inputs,
    routes: f.routes,
    rejected: f.rejected,
    accidentally_valid: f.accidentally_valid,
    skipped_valid: f.skipped_valid,
    kept_unprocessable: f.kept_unprocessable,
    server_errors: f.server_errors,
    bad_shape: f.bad_shape,
    writes: f.writes,
    seconds: f.seconds,
    seed,
    database: database.label,
    machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
    ok,
  });
} catch (err) {
  console.error(err);
} finally {
  await db.$disconnect().catch(() => undefined);
  await sandbox.stop();
  await database.stop();
}
if (line) console.log(line);
process.exit(exit);
