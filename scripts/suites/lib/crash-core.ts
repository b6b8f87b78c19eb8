// The crash suite: payouts through the console's API while the console process is SIGKILLed at
// random moments and restarted. The console is the route host (route handlers + pg-boss jobs in
// one process; see route-host.ts); the database and the sandbox are separate processes and survive.
//
// Leases: a dead process's send lease (90 s) and Idempotency-Key in-flight lease (120 s) are what
// make a live process wait before taking its work over. Right after each kill — when no console
// process is alive, so every live lease belongs to the dead one — the driver moves those leases
// into the past instead of waiting 90–120 s of wall-clock time. Nothing else is touched: the
// recovery job, the poller and the Idempotency-Key takeover then do their real work. The same is
// done for pg-boss jobs the dead process left "active" (see expireDeadLeases).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { call, makeUsers, payoutBody, type TSuiteUser } from "./client";
import { sandboxAdmin, sleep } from "./stack";
import type { TRouteHost } from "./console";

export type TCrashOptions = {
  host: TRouteHost;
  sandbox: { url: string; adminToken: string };
  pool: pg.Pool;
  nextauthSecret: string;
  payouts: number;
  kills: number;
  concurrency: number;
  faults: string;
  settleTimeoutMs: number;
  killEveryMs: [number, number];
  log?: (s: string) => void;
};

const FINAL = new Set(["settled", "failed", "needs_attention"]);

export async function runCrash(o: TCrashOptions) {
  const log = o.log ?? (() => undefined);
  const admin = sandboxAdmin(o.sandbox);
  const tag = `crash-${randomUUID().slice(0, 8)}`;
  const users = await makeUsers(
    o.pool,
    o.nextauthSecret,
    ["operator", "operator", "operator", "admin"],
    tag,
  );
  const operators = users.slice(0, 3);
  const adminUser = users[3];
  const account = await admin<{ id: string }>("/ledger/accounts", {
    method: "POST",
    body: { name: `Crash ${tag}`, available: 1_000_000_000_000_00 },
  });
  await admin("/faults", { method: "PUT", body: { text: o.faults } });

  let alive = true; // whether a console process is up (the driver's clients back off while not)
  let kills = 0;
  const restartMs: number[] = [];
  let sweepsLeftActive = 0;
  const killAt: string[] = [];
  let submitting = true;

  const expireDeadLeases = async () => {
    const a = await o.pool.query(
      `UPDATE "Operation" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE state = 'sending' AND "lockedUntil" > (now() AT TIME ZONE 'UTC')`,
    );
    const b = await o.pool.query(
      `UPDATE "InboundRequest" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE state::text = 'in_flight' AND "lockedUntil" > (now() AT TIME ZONE 'UTC')`,
    );
    // pg-boss's own lease: a sweep the dead process was running stays "active" (blocking its
    // singleton queue) until pg-boss expires it — at most 4 periods + its 2-minute maintenance since
    // the fix in lib/jobs/start-workers.ts, 15+ minutes before. Expire it now, as pg-boss would.
    const c = await o.pool
      .query(`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE state = 'active'`)
      .catch(() => ({ rowCount: 0 }));
    return { sending: a.rowCount ?? 0, inbound: b.rowCount ?? 0, sweeps: c.rowCount ?? 0 };
  };

  const killer = (async () => {
    while (kills < o.kills) {
      const wait = o.killEveryMs[0] + Math.random() * (o.killEveryMs[1] - o.killEveryMs[0]);
      await sleep(wait);
      const { rows } = await o.pool.query<{ s: string; n: string }>(
        `SELECT state::text AS s, count(*) AS n FROM "Operation" WHERE reason LIKE $1 GROUP BY 1`,
        [`${tag} #%`],
      );
      alive = false;
      await o.host.kill();
      kills++;
      const expired = await expireDeadLeases();
      sweepsLeftActive += expired.sweeps;
      const at = JSON.stringify(Object.fromEntries(rows.map((r) => [r.s, Number(r.n)])));
      killAt.push(at);
      log(
        `kill #${kills} (SIGKILL) with ${at}; leases of the dead process expired: ${JSON.stringify(expired)}`,
      );
      restartMs.push(await o.host.start());
      alive = true;
      log(`restarted in ${Math.round(restartMs.at(-1)!)} ms`);
      if (!submitting && kills >= o.kills) break;
    }
  })();

  type TSub = { n: number; key: string; opId: string | null; refused?: string; tries: number };
  const subs: TSub[] = [];
  const statuses: Record<string, number> = {};
  async function submit(n: number, user: TSuiteUser): Promise<TSub> {
    const key = randomUUID();
    const body = payoutBody({ sourceAccountId: account.id, n, tag });
    const sub: TSub = { n, key, opId: null, tries: 0 };
    // Like a browser tab: on a dropped connection or a 5xx the same request (same key) again.
    const until = Date.now() + 10 * 60_000;
    while (Date.now() < until) {
      if (!alive) {
        await sleep(200);
        continue;
      }
      sub.tries++;
      const r = await call(o.host.url, "POST", "/api/operations/payouts", {
        cookie: user.cookie,
        body,
        headers: { "idempotency-key": key },
        timeoutMs: 120_000,
      });
      statuses[r.status === 0 ? "network" : String(r.status)] =
        (statuses[r.status === 0 ? "network" : String(r.status)] ?? 0) + 1;
      if (r.status === 201 || r.status === 200) {
        sub.opId = (r.json?.operation as { id?: string } | undefined)?.id ?? null;
        return sub;
      }
      if (r.status === 409 && r.json?.code === "idempotency_key_in_use") {
        await sleep(1_000);
        continue;
      }
      if (r.status >= 400 && r.status < 500) {
        sub.refused = String(r.json?.code ?? r.status);
        return sub;
      }
      await sleep(500);
    }
    return sub;
  }

  let next = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      for (;;) {
        const n = next++;
        if (n >= o.payouts) return;
        subs.push(await submit(n, operators[w % operators.length]));
      }
    }),
  );
  submitting = false;
  log(
    `all ${o.payouts} submissions answered (${JSON.stringify(statuses)}); waiting for the remaining kills`,
  );
  await killer;

  // After the last restart: the console's own jobs must finish everything.
  const t0 = performance.now();
  let notFinal = -1;
  while (performance.now() - t0 < o.settleTimeoutMs) {
    const { rows } = await o.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Operation" WHERE reason LIKE $1 AND state::text NOT IN ('settled','failed','needs_attention')`,
      [`${tag} #%`],
    );
    notFinal = Number(rows[0].n);
    if (notFinal === 0) break;
    await sleep(1_000);
  }
  const settleSeconds = (performance.now() - t0) / 1000;
  await admin("/faults", { method: "PUT", body: {} });

  const dup = await admin<{ duplicates: unknown[]; payouts: number }>("/duplicates");
  const { rows: ops } = await o.pool.query<{
    id: string;
    reason: string;
    state: string;
    lastErrorCode: string | null;
    attemptCount: number;
  }>(
    `SELECT id, reason, state::text AS state, "lastErrorCode", "attemptCount" FROM "Operation" WHERE reason LIKE $1`,
    [`${tag} #%`],
  );
  const states: Record<string, number> = {};
  for (const r of ops) states[r.state] = (states[r.state] ?? 0) + 1;
  const perReason = new Map<string, number>();
  for (const r of ops) perReason.set(r.reason, (perReason.get(r.reason) ?? 0) + 1);
  const consoleDuplicates = [...perReason.values()].filter((c) => c > 1).length;
  const notFinalOps = ops.filter(
    (r) => !FINAL.has(r.state) || (r.state === "needs_attention" && !r.lastErrorCode),
  );
  const missing = subs.filter((s) => s.opId && !ops.some((r) => r.id === s.opId)).length;
  const unanswered = subs.filter((s) => !s.opId && !s.refused).length;
  const resumed = ops.filter((r) => r.attemptCount > 1).length;
  const audit = await call(o.host.url, "GET", "/api/audit/verify", { cookie: adminUser.cookie });
  const auditOk = audit.status === 200 && audit.json?.ok === true;

  return {
    tag,
    figures: {
      payouts: o.payouts,
      kills,
      duplicates: dup.duplicates.length + consoleDuplicates,
      not_final: notFinalOps.length + missing,
      operations: ops.length,
      states,
      resumed_after_crash: resumed,
      unanswered,
      audit_chain_ok: auditOk,
      sweeps_left_active_by_kills: sweepsLeftActive,
      audit_rows: Number(audit.json?.rows ?? 0),
      restart_ms_max: Math.round(Math.max(0, ...restartMs)),
      settle_seconds: Math.round(settleSeconds),
      console_statuses: statuses,
    },
    details: {
      notFinal: notFinalOps.slice(0, 20),
      audit: audit.json,
      killAt,
      duplicates: dup.duplicates.slice(0, 10),
    },
  };
}
