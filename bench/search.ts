// `npm run bench -- search [--rows N]`: loads N request-log rows (default 10,000,000; BENCH_ROWS or the
// first argument) plus matching operations into a fresh database on the real PostgreSQL with COPY,
// then times the search endpoint (the route handler, session and all) for every id kind against
// the same lookup in raw SQL, and the request log's first page for 24 h.
// Last line: {"bench":"search","rows":…,"p99_ms":…,"ratio_vs_sql":…,"list_p95_ms":…}
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import KSUID from "ksuid";
import pg from "pg";
import { migrateDeploy } from "../scripts/lib/migrate";
import { copyIn, type TRowSource } from "./lib/search-copy";
import { rowsArg } from "./lib/rows-arg";

const ROWS = rowsArg(10_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300); // timed lookups per id kind
const DB_NAME = process.env.BENCH_DB ?? "mono_bench_search";
const PG_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const GROUP = 5; // request-log rows per operation: POST attempt(s), then GET confirmations
const DAYS = 30;

const log = (...a: unknown[]) => console.log(...a);
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// Deterministic ids: row/operation n → the same id every time, so samples need no lookups.
function b62(n: number, len: number, salt: string): string {
  let out = "";
  let x = n;
  while (x > 0) {
    out = B62[x % 62] + out;
    x = Math.floor(x / 62);
  }
  return (salt + out.padStart(len - salt.length, "0")).slice(-len);
}
let NOW = Date.now(); // a reused database keeps the NOW it was loaded with (bench_meta)
const SPAN = DAYS * 86_400_000;
const atMs = (i: number) => NOW - SPAN + Math.floor((i / ROWS) * SPAN); // request-log row i's time
const ids = {
  // req_<KSUID> minted at the row's time, as the console's Mono client mints them; the payload is
  // the row number, so the id is the same every time.
  req: (i: number) => {
    const payload = Buffer.alloc(16);
    payload.writeUInt32BE(i >>> 0, 12);
    return `req_${KSUID.fromParts(atMs(i), payload).string}`;
  },
  log: (i: number) => `log_${b62(i, 22, "BL")}`,
  op: (o: number) => `op_${b62(o, 22, "BO")}`,
  key: (o: number) =>
    `${(o + 0x10000000).toString(16).slice(-8)}-b00c-4000-8000-${o.toString(16).padStart(12, "0")}`,
  cpout: (o: number) => `cpout_${b62(o, 22, "BP")}`,
  bat: (o: number) => `bat_${b62(o, 22, "BB")}`,
  trn: (o: number) => `trn_${b62(o, 22, "BT")}`,
  ticket: (o: number) => `TCK-${o}`,
  // Beneficiary b: one of eight banks, an 11-digit account, a CC document and an e-mail.
  benBank: (b: number) => BANKS[b % BANKS.length],
  benAccount: (b: number) => String(40_000_000_000 + b),
  benDocument: (b: number) => String(1_000_000_000 + b),
  benEmail: (b: number) => `beneficiario${b}@example.test`,
};
const BANKS = ["1007", "1051", "1013", "1001", "1023", "1052", "1019", "1507"];
// One beneficiary per four operations, at least 1,000 (Beneficiary has no row per log line).
export const beneficiaryCount = (ops: number) => Math.max(1_000, Math.floor(ops / 4));
const isTransfer = (o: number) => o % 5 === 4;
const failedFirst = (o: number) => o % 7 === 0;

async function main() {
  // BENCH_REUSE=1: time again on the rows a previous run of the same size loaded (a 30 M load takes
  // many minutes; the timing a few). Otherwise a fresh database.
  const reused = process.env.BENCH_REUSE === "1" ? await reusableDatabase() : null;
  const url = reused?.url ?? (await freshDatabase());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const ops = Math.ceil(ROWS / GROUP);
  let loadS: number;
  if (reused) {
    NOW = reused.nowMs;
    loadS = reused.loadS;
    log(`reusing ${ROWS.toLocaleString("en")} request-log rows loaded in ${loadS.toFixed(1)} s`);
  } else {
    const t0 = performance.now();
    await load(client, ops);
    loadS = (performance.now() - t0) / 1000;
    await client.query(`CREATE TABLE bench_meta (rows bigint, now_ms bigint, load_s real)`);
    await client.query(`INSERT INTO bench_meta VALUES ($1, $2, $3)`, [ROWS, NOW, loadS]);
    log(
      `loaded ${ROWS.toLocaleString("en")} request-log rows and ${ops.toLocaleString("en")} operations in ${loadS.toFixed(1)} s`,
    );
  }

  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0001";
  process.env.LOG_LEVEL = "error";
  process.env.DATABASE_POOL_MAX ??= "4";
  const { timeSearches } = await import("./lib/search-timing");
  const sizes = await tableSizes(client);
  const r = await timeSearches({
    client,
    ids,
    rows: ROWS,
    days: DAYS,
    ops,
    beneficiaries: beneficiaryCount(ops),
    samples: SAMPLES,
    isTransfer,
  });
  const { timePartitionDrop } = await import("./lib/partition-drop");
  const drop = await timePartitionDrop({ ids, rows: ROWS, days: DAYS });
  await client.end();
  log(
    JSON.stringify({
      bench: "search",
      rows: ROWS,
      p99_ms: r.p99,
      ratio_vs_sql: r.ratio,
      beneficiary_p99_ms: r.beneficiaryP99,
      list_p95_ms: r.listP95,
      load_s: Math.round(loadS),
      ...sizes,
      ...drop,
    }),
  );
  process.exit(0);
}

/** The bench database when it holds a finished load of ROWS rows (bench_meta), else null. */
async function reusableDatabase(): Promise<{ url: string; nowMs: number; loadS: number } | null> {
  const u = new URL(PG_URL);
  u.pathname = `/${DB_NAME}`;
  const c = new pg.Client({ connectionString: u.toString() });
  try {
    await c.connect();
    const r = await c.query<{ rows: string; now_ms: string; load_s: number }>(
      `SELECT rows, now_ms, load_s FROM bench_meta`,
    );
    const m = r.rows[0];
    return m && Number(m.rows) === ROWS
      ? { url: u.toString(), nowMs: Number(m.now_ms), loadS: m.load_s }
      : null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${DB_NAME}"`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${DB_NAME}`;
  migrateDeploy(u.toString(), { quiet: true });
  return u.toString();
}

// Bulk load as a DBA would: drop the secondary indexes, COPY the rows, rebuild the indexes (each
// built once over sorted input instead of maintained row by row), ANALYZE.
async function load(client: pg.Client, ops: number) {
  const now = NOW;
  const span = SPAN;
  const atOf = (i: number) => new Date(atMs(i)).toISOString();
  const indexes = (
    await client.query<{ indexdef: string; indexname: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('RequestLog','Operation','OperationItem','Beneficiary') AND indexname NOT LIKE '%_pkey'`,
    )
  ).rows;
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.indexname}"`);
  // One partition per day, as the console's partition job keeps them (lib/partitions/): the rows go
  // straight into their day, not into the DEFAULT partition.
  const day0 = Math.floor((now - span) / 86_400_000);
  for (let d = day0; d <= Math.floor(now / 86_400_000) + 1; d++) {
    const lo = new Date(d * 86_400_000).toISOString();
    const hi = new Date((d + 1) * 86_400_000).toISOString();
    await client.query(
      `CREATE TABLE IF NOT EXISTS "RequestLog_p${lo.slice(0, 10).replace(/-/g, "")}" PARTITION OF "RequestLog" FOR VALUES FROM ('${lo}') TO ('${hi}')`,
    );
  }
  // Beneficiaries are COPYed below; the per-row trigger that derives them from an operation's
  // target would find none in the bench's targets and only slow the load.
  await client.query(`ALTER TABLE "Operation" DISABLE TRIGGER "Operation_beneficiary"`);

  const opRows: TRowSource = function* () {
    for (let o = 0; o < ops; o++) {
      const t = isTransfer(o);
      const at = atOf(o * GROUP);
      const body = t
        ? `{"account_id":"acc_5tgliBmzjZ6mpQPRbQjfKj","transfers":[{"external_id":"mops-${ids.op(o)}-1"}]}`
        : `{"account_id":"lacc_4PagosProveedores9aBcD","external_id":"mops-${ids.op(o)}"}`;
      yield [
        ids.op(o),
        t ? "bank_transfer" : "payout",
        o % 50 === 0 ? "needs_attention" : "settled",
        String(100_000 + (o % 9_000) * 100),
        t ? "acc_5tgliBmzjZ6mpQPRbQjfKj" : "lacc_4PagosProveedores9aBcD",
        '{"accountNumber":"123456789012"}',
        "bench",
        o % 3 === 0 ? ids.ticket(o) : null,
        ids.key(o),
        `mops-${ids.op(o)}`,
        "f".repeat(64),
        body,
        t ? ids.bat(o) : ids.cpout(o),
        "settled",
        "1",
        "usr_bench",
        at,
        at,
        "1",
      ];
    }
  };
  await copyIn(
    client,
    `COPY "Operation" (id, kind, state, amount, "sourceAccountId", target, reason, "ticketRef", "idempotencyKey", "externalId", fingerprint, "monoRequest", "monoId", "monoState", "policyVersion", "createdById", "createdAt", "updatedAt", "attemptCount") FROM STDIN WITH (FORMAT csv)`,
    opRows,
  );
  log(`  operations copied`);
  const itemRows: TRowSource = function* () {
    for (let o = 4; o < ops; o += 5)
      yield [
        `opi_${b62(o, 22, "BI")}`,
        ids.op(o),
        "0",
        `mops-${ids.op(o)}-1`,
        "100000",
        "1007",
        "123456789012",
        "Beneficiario",
        ids.trn(o),
        "approved",
        atOf(o * GROUP),
      ];
  };
  await copyIn(
    client,
    `COPY "OperationItem" (id, "operationId", position, "externalId", amount, "bankCode", "accountNumber", "payeeName", "monoTransferId", "monoState", "updatedAt") FROM STDIN WITH (FORMAT csv)`,
    itemRows,
  );
  log(`  operation items copied`);
  const benRows: TRowSource = function* () {
    for (let b = 0; b < beneficiaryCount(ops); b++) {
      const account = ids.benAccount(b);
      const at = atOf(Math.floor((b / beneficiaryCount(ops)) * ROWS));
      yield [
        `ben_${b.toString(16).padStart(32, "0")}`,
        ids.benBank(b),
        account,
        account.slice(-4),
        "savings",
        `Beneficiario ${b}`,
        "CC",
        ids.benDocument(b),
        ids.benEmail(b),
        at,
        at,
      ];
    }
  };
  await copyIn(
    client,
    `COPY "Beneficiary" (id, "bankCode", "accountNumber", "accountLast4", "accountType", name, "documentType", "documentNumber", email, "firstSeenAt", "lastSeenAt") FROM STDIN WITH (FORMAT csv)`,
    benRows,
  );
  await client.query(`ALTER TABLE "Operation" ENABLE TRIGGER "Operation_beneficiary"`);
  log(`  beneficiaries copied`);

  const logRows: TRowSource = function* () {
    for (let i = 0; i < ROWS; i++) {
      const o = Math.floor(i / GROUP);
      const j = i % GROUP;
      const t = isTransfer(o);
      const orphan = o % 10 === 3; // balance reads: no operation
      const write = !orphan && (j === 0 || (j === 1 && failedFirst(o)));
      const failed = write && j === 0 && failedFirst(o);
      const endpoint = orphan
        ? "GET /v1/ledger/accounts/{id}/balances"
        : write
          ? t
            ? "POST /v1/transfers"
            : "POST /v1/core/payouts"
          : t
            ? "GET /v1/transfers"
            : "GET /v1/core/payouts/{id}";
      const [method, path] = orphan
        ? ["GET", "/v1/ledger/accounts/lacc_4PagosProveedores9aBcD/balances"]
        : write
          ? ["POST", t ? "/v1/transfers" : "/v1/core/payouts"]
          : ["GET", t ? "/v1/transfers" : `/v1/core/payouts/${ids.cpout(o)}`];
      const status = failed ? "503" : write ? "201" : "200";
      yield [
        ids.req(i),
        ids.log(i),
        orphan ? null : ids.op(o),
        write ? ids.key(o) : null,
        `t${i}`,
        method,
        path,
        endpoint,
        status,
        failed ? "5xx" : "2xx",
        failed ? "service_is_unavailable" : null,
        write && j === 1 ? "2" : "1",
        `call_${write ? o : i}`,
        String(80 + (i % 400)),
        write && j === 1 ? "1200" : "0",
        write && j === 1 ? "backoff" : null,
        "interactive",
        atOf(i),
      ];
    }
  };
  const c0 = performance.now();
  await copyIn(
    client,
    `COPY "RequestLog" ("requestId", "monoLogId", "operationId", "idempotencyKey", "traceId", method, path, endpoint, status, "statusClass", "errorCode", attempt, "callId", "durationMs", "delayBeforeMs", "delayReason", "apiKeyLabel", at) FROM STDIN WITH (FORMAT csv)`,
    logRows,
    (n) => {
      if (n % 1_000_000 === 0)
        log(
          `  ${n.toLocaleString("en")} request-log rows (${((performance.now() - c0) / 1000).toFixed(0)} s)`,
        );
    },
  );
  const i0 = performance.now();
  await client.query("SET maintenance_work_mem = '512MB'");
  // A partitioned table's index reads "ON ONLY" in pg_indexes (the parent alone); rebuilt without
  // ONLY it is built on every day partition too.
  for (const ix of indexes) await client.query(ix.indexdef.replace(" ON ONLY ", " ON "));
  log(`  ${indexes.length} indexes rebuilt in ${((performance.now() - i0) / 1000).toFixed(1)} s`);
  await client.query(
    `ANALYZE "RequestLog"; ANALYZE "Operation"; ANALYZE "OperationItem"; ANALYZE "Beneficiary"`,
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('usr_bench_viewer', 'bench-viewer-${randomUUID().slice(0, 6)}@example.test', 'Bench Viewer', 'viewer', now())`,
  );
}

// The request log's size on disk: its partitions' heap and their indexes (pg_partition_tree).
async function tableSizes(client: pg.Client) {
  const r = await client.query<{ table_mb: string; index_mb: string }>(
    `SELECT round(sum(pg_table_size(relid)) / 1048576.0) AS table_mb,
            round(sum(pg_indexes_size(relid)) / 1048576.0) AS index_mb
       FROM pg_partition_tree('"RequestLog"') WHERE isleaf`,
  );
  const sizes = { table_mb: Number(r.rows[0].table_mb), index_mb: Number(r.rows[0].index_mb) };
  log(`request log on disk: table ${sizes.table_mb} MB, indexes ${sizes.index_mb} MB`);
  return sizes;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
