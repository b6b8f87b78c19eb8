// The crash suite: payouts and two-row transfer batches through the console's API while the
// console process is SIGKILLed at random moments and restarted. The console is the route host
// (route handlers + pg-boss jobs in one node process; see route-host.ts); the database and the
// sandbox are separate processes and survive.
//
// Like a careless operator or a browser tab, the driver re-sends EVERY submission made so far
// with its original Idempotency-Key and body after each restart: at once (the dead process's key
// leases are still live: 409 in use, or a stored answer) and again after the key lease
// (IDEMPOTENCY_LEASE_MS, short here) has run out (the key is taken over: resumed, never re-run).
// An answer naming another operation than the one the key first answered is a `key_mismatch`.
//
// Send leases (90 s) of the dead process are moved into the past right after each kill — when no
// console process is alive, so every live send lease belongs to the dead one — instead of waiting
// 90 s of wall-clock time; the same is done for pg-boss jobs it left "active". Nothing else is
// touched: the recovery job, the poller and the key takeovers then do their real work.
//
// double_paid counts, at the sandbox, money that reached one beneficiary more than once (same bank
// account, same amount) whatever the ids and keys: it is what a re-run request would produce.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { call, makeUsers, payoutBody, type TAnswer, type TSuiteUser } from "./client";
import { sandboxAdmin, sleep } from "./stack";
import type { TRouteHost } from "./console";

export type TCrashOptions = {
  host: TRouteHost;
  sandbox: { url: string; adminToken: string };
  pool: pg.Pool;
  nextauthSecret: string;
  payouts: number;
  batches: number;
  kills: number;
  concurrency: number;
  faults: string;
  settleTimeoutMs: number;
  killEveryMs: [number, number];
  // Pause between one client's submissions, so the kills land while money is being submitted.
  paceMs?: number;
  // The console's IDEMPOTENCY_LEASE_MS: the second re-send of every submission waits this long.
  keyLeaseMs: number;
  log?: (s: string) => void;
};

const FINAL = new Set(["settled", "failed", "needs_attention"]);

type TSub = {
  n: number;
  kind: "payout" | "batch";
  path: string;
  body: Record<string, unknown>;
  key: string;
  user: TSuiteUser;
  opId: string | null;
  refused?: string;
  tries: number;
};

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
  const ledger = await admin<{ id: string }>("/ledger/accounts", {
    method: "POST",
    body: { name: `Crash ${tag}`, available: 1_000_000_000_000_00 },
  });
  const bank = await admin<{ id: string }>("/accounts", {
    method: "POST",
    body: { name: `Crash bank ${tag}`, balance: 1_000_000_000_000_00 },
  });
  await admin("/faults", { method: "PUT", body: { text: o.faults } });

  // Submission n: a two-row batch every (payouts + batches) / batches submissions, else a payout.
  const total = o.payouts + o.batches;
  const every = o.batches > 0 ? total / o.batches : Infinity;
  const subs: TSub[] = [];
  const newSub = (n: number, user: TSuiteUser): TSub => {
    const isBatch = o.batches > 0 && Math.floor((n + 1) / every) > Math.floor(n / every);
    const base = { n, key: randomUUID(), user, opId: null, tries: 0 };
    if (!isBatch)
      return {
        ...base,
        kind: "payout",
        path: "/api/operations/payouts",
        body: payoutBody({ sourceAccountId: ledger.id, n, tag }),
      };
    const row = (i: number) => {
      const p = payoutBody({ sourceAccountId: ledger.id, n: n * 10 + i, tag });
      return { amount: p.amount, beneficiary: p.beneficiary };
    };
    return {
      ...base,
      kind: "batch",
      path: "/api/operations/transfers",
      body: {
        sourceAccountId: bank.id,
        mode: "create",
        routing: "turbo",
        currency: "COP",
        reason: `${tag} #${n}`,
        rows: [row(1), row(2)],
      },
    };
  };

  let alive = true; // whether a console process is up (the driver's clients back off while not)
  let kills = 0;
  let killsWhileSubmitting = 0;
  const restartMs: number[] = [];
  let sweepsLeftActive = 0;
  const killAt: string[] = [];
  let submitting = true;
  const statuses: Record<string, number> = {};
  const resend = { sent: 0, in_use: 0, replayed: 0, resumed: 0, key_mismatch: 0, other: 0 };
  const count = (r: TAnswer) => {
    const resumed = r.headers?.get("idempotent-resumed") ? " resumed" : "";
    const k = r.status === 0 ? "network" : `${r.status}${resumed}`;
    statuses[k] = (statuses[k] ?? 0) + 1;
  };
  const send = (s: TSub) =>
    call(o.host.url, "POST", s.path, {
      cookie: s.user.cookie,
      body: s.body,
      headers: { "idempotency-key": s.key },
      timeoutMs: 120_000,
    });

  // Every submission so far, again, with its key and body: never a second operation.
  async function resendAll(when: string) {
    const all = subs.slice();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < all.length && alive; i = next++) {
          const s = all[i];
          const r = await send(s);
          resend.sent++;
          const id = (r.json?.operation as { id?: string } | undefined)?.id ?? null;
          if (r.status === 409 && r.json?.code === "idempotency_key_in_use") resend.in_use++;
          else if (id && s.opId && id !== s.opId) resend.key_mismatch++;
          else if (r.headers?.get("idempotent-resumed")) resend.resumed++;
          else if (r.headers?.get("idempotent-replayed")) resend.replayed++;
          else resend.other++;
          if (id && !s.opId && !s.refused) s.opId = id;
        }
      }),
    );
    log(`re-sent ${all.length} submissions ${when}: ${JSON.stringify(resend)}`);
  }

  const expireDeadSendLeases = async () => {
    const a = await o.pool.query(
      `UPDATE "Operation" SET "lockedUntil" = now() - interval '1 second' WHERE state = 'sending' AND "lockedUntil" > now()`,
    );
    // pg-boss's own lease: a sweep the dead process was running stays "active" (blocking its
    // singleton queue) until pg-boss expires it. Expire it now, as pg-boss would.
    const c = await o.pool
      .query(`UPDATE pgboss.job SET state = 'failed', completed_on = now() WHERE state = 'active'`)
      .catch(() => ({ rowCount: 0 }));
    return { sending: a.rowCount ?? 0, sweeps: c.rowCount ?? 0 };
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
      if (submitting) killsWhileSubmitting++;
      const expired = await expireDeadSendLeases();
      sweepsLeftActive += expired.sweeps;
      const at = JSON.stringify(Object.fromEntries(rows.map((r) => [r.s, Number(r.n)])));
      killAt.push(at);
      log(
        `kill #${kills} (SIGKILL) with ${at}; send leases of the dead process expired: ${JSON.stringify(expired)}`,
      );
      restartMs.push(await o.host.start());
      alive = true;
      log(`restarted in ${Math.round(restartMs.at(-1)!)} ms`);
      await resendAll("at once after the restart");
      await sleep(o.keyLeaseMs + 500);
      await resendAll("after the key lease");
      if (!submitting && kills >= o.kills) break;
    }
  })();

  async function submit(s: TSub): Promise<void> {
    // Like a browser tab: on a dropped connection or a 5xx the same request (same key) again.
    const until = Date.now() + 10 * 60_000;
    while (Date.now() < until) {
      if (!alive) {
        await sleep(200);
        continue;
      }
      s.tries++;
      const r = await send(s);
      count(r);
      if (r.status === 201 || r.status === 200) {
        s.opId = (r.json?.operation as { id?: string } | undefined)?.id ?? null;
        return;
      }
      if (r.status === 409 && r.json?.code === "idempotency_key_in_use") {
        await sleep(1_000);
        continue;
      }
      if (r.status >= 400 && r.status < 500) {
        s.refused = String(r.json?.code ?? r.status);
        return;
      }
      await sleep(500);
    }
  }

  let next = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        const s = newSub(n, operators[w % operators.length]);
        subs.push(s);
        await submit(s);
        if (o.paceMs) await sleep(o.paceMs);
      }
    }),
  );
  submitting = false;
  log(
    `all ${total} submissions answered (${JSON.stringify(statuses)}); waiting for the remaining kills`,
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
  await resendAll("after everything settled");

  const dup = await admin<{ duplicates: unknown[] }>("/duplicates");
  const moved = await admin<{ objects: number; double_paid: number; groups: unknown[] }>(
    "/money-moved",
  );
  const { rows: ops } = await o.pool.query<{
    id: string;
    reason: string;
    kind: string;
    state: string;
    lastErrorCode: string | null;
    attemptCount: number;
  }>(
    `SELECT id, reason, kind::text AS kind, state::text AS state, "lastErrorCode", "attemptCount" FROM "Operation" WHERE reason LIKE $1`,
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
      payouts: ops.filter((r) => r.kind === "payout").length,
      batches: ops.filter((r) => r.kind === "transfer_batch").length,
      kills,
      kills_while_submitting: killsWhileSubmitting,
      duplicates: dup.duplicates.length + consoleDuplicates,
      double_paid: moved.double_paid,
      mono_objects: moved.objects,
      key_mismatch: resend.key_mismatch,
      not_final: notFinalOps.length + missing,
      operations: ops.length,
      submissions: total,
      states,
      resumed_after_crash: resumed,
      resends: resend,
      unanswered,
      refused: subs.filter((s) => s.refused).length,
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
      doublePaid: moved.groups.slice(0, 10),
      refused: subs
        .filter((s) => s.refused)
        .map((s) => `${s.n}: ${s.refused}`)
        .slice(0, 20),
    },
  };
}
