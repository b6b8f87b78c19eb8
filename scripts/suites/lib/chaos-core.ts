// The chaos suite, independent of how the console was started (next start via the launcher, or
// the route host): N payouts through POST /api/operations/payouts while the sandbox injects faults
// on every Mono call and duplicates / reorders webhooks, plus attacks on the webhook receiver.
// Then it waits (bounded) until the console's own jobs have brought every operation to a final
// state, and checks the invariants.
import { createHmac, randomUUID } from "node:crypto";
import type pg from "pg";
import { call, makeUsers, payoutBody, type TSuiteUser } from "./client";
import { sandboxAdmin, sleep, pct } from "./stack";

export type TChaosOptions = {
  consoleUrl: string;
  /** Several web instances: submissions spread across them, a retry goes to the next one. */
  consoleUrls?: string[];
  sandbox: { url: string; adminToken: string };
  pool: pg.Pool;
  nextauthSecret: string;
  webhookSecret: string;
  payouts: number;
  concurrency: number;
  faults: string;
  retryAfterS: number;
  settleTimeoutMs: number;
  // After the last submission, faults stay on this long while the jobs drain; then they are
  // cleared and the operations must all be final within settleTimeoutMs.
  faultedDrainMs?: number;
  attacks: boolean;
  decoys?: number;
  log?: (s: string) => void;
};

type TSandboxReq = {
  id: string;
  at: string;
  method: string;
  path: string;
  status: number;
  idempotency_key: string | null;
  fault: string | null;
  duration_ms: number;
};

const FINAL = new Set(["settled", "failed", "needs_attention"]);

export async function runChaos(o: TChaosOptions) {
  const log = o.log ?? (() => undefined);
  const admin = sandboxAdmin(o.sandbox);
  const tag = `chaos-${randomUUID().slice(0, 8)}`;
  const operators = await makeUsers(
    o.pool,
    o.nextauthSecret,
    ["operator", "operator", "operator", "operator"],
    tag,
  );
  const account = await admin<{ id: string }>("/ledger/accounts", {
    method: "POST",
    body: { name: `Chaos ${tag}`, available: 1_000_000_000_000_00 },
  });

  // Every request the sandbox saw (its ring buffer keeps 5,000: poll it while the run goes on).
  const seen = new Map<string, TSandboxReq>();
  let polling = true;
  const pollSandbox = async () => {
    const r = await admin<{ requests: TSandboxReq[] }>("/requests").catch(() => ({
      requests: [] as TSandboxReq[],
    }));
    for (const e of r.requests) seen.set(e.id, e);
  };
  const poller = (async () => {
    while (polling) {
      await pollSandbox();
      await sleep(1_500);
    }
  })();

  await admin("/faults", { method: "PUT", body: { text: o.faults } });
  const started = performance.now();

  // Decoys: payouts Mono will fail (ACH, document 888…000); the attacker forges `payout_settled`
  // for them with a valid signature. The console must read Mono back and end them `failed`.
  const decoyCount = o.attacks ? (o.decoys ?? 5) : 0;
  const statuses: Record<string, number> = {};
  const count = (k: string) => (statuses[k] = (statuses[k] ?? 0) + 1);
  type TSub = {
    n: number;
    key: string;
    decoy: boolean;
    user: TSuiteUser;
    opId: string | null;
    answer: number;
    tries: number;
    refused?: string;
  };
  const subs: TSub[] = [];
  const latencies: number[] = [];

  async function submit(
    n: number,
    user: TSuiteUser,
    decoy: boolean,
    key: string = randomUUID(),
  ): Promise<TSub> {
    const body = payoutBody({
      sourceAccountId: account.id,
      n,
      tag,
      documentNumber: decoy ? "88814235000" : undefined,
    });
    const sub: TSub = { n, key, decoy, user, opId: null, answer: 0, tries: 0 };
    // A browser-like client: same Idempotency-Key on every retry; waits Retry-After on 409 in use.
    for (let k = 0; k < 12; k++) {
      sub.tries++;
      const urls = o.consoleUrls?.length ? o.consoleUrls : [o.consoleUrl];
      const r = await call(urls[(n + k) % urls.length], "POST", "/api/operations/payouts", {
        cookie: user.cookie,
        body,
        headers: { "idempotency-key": key },
        timeoutMs: 180_000,
      });
      count(r.status === 0 ? `network:${r.error}` : String(r.status));
      latencies.push(r.ms);
      sub.answer = r.status;
      if (r.status === 201 || r.status === 200) {
        sub.opId = ((r.json?.operation as { id?: string } | undefined)?.id ?? null) as
          string | null;
        return sub;
      }
      if (r.status === 409 && r.json?.code === "idempotency_key_in_use") {
        await sleep(Number(r.headers?.get("retry-after") ?? 1) * 1000);
        continue;
      }
      if (r.status >= 400 && r.status < 500) {
        sub.refused = String(r.json?.code ?? r.status);
        return sub;
      }
      await sleep(Math.min(8_000, 500 * 2 ** k)); // 5xx or no answer: the same request again
    }
    return sub;
  }

  // Webhook attacks run alongside the payouts.
  const attack = {
    sent: 0,
    unexpected: [] as string[],
    by: {} as Record<string, number>,
    forged_settle_sent: 0,
  };
  let attacking = o.attacks;
  const decoySubs: TSub[] = [];
  const attacker = (async () => {
    if (!o.attacks) return;
    const sign = (raw: string | Buffer, secret: string, t = Math.floor(Date.now() / 1000)) =>
      `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(raw).digest("hex")}`;
    const env = (type: string, data: object) =>
      JSON.stringify({ event: { type, data }, timestamp: new Date().toISOString() });
    const fakePayout = (id: string) => ({
      id,
      state: "settled",
      updated_at: new Date().toISOString(),
      external_id: `forged-${randomUUID()}`,
      source_amount: { amount: 1, currency: "COP" },
      target_amount: { amount: 1, currency: "COP" },
    });
    const kinds = [
      "unsigned",
      "wrong_secret",
      "stale",
      "malformed_header",
      "oversized",
      "bad_utf8",
      "bad_json",
      "forged_settle",
    ] as const;
    let i = 0;
    while (attacking) {
      const kind = kinds[i++ % kinds.length];
      const raw = env(
        "payout_settled",
        fakePayout(`cpout_${randomUUID().replace(/-/g, "").slice(0, 22)}`),
      );
      let r;
      let want: number[];
      if (kind === "unsigned") {
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: raw,
          headers: { "content-type": "application/json", origin: "" },
        });
        want = [401];
      } else if (kind === "wrong_secret") {
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: raw,
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(raw, "whsec_attacker_guess_000000"),
            origin: "",
          },
        });
        want = [401];
      } else if (kind === "stale") {
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: raw,
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(raw, o.webhookSecret, Math.floor(Date.now() / 1000) - 3_600),
            origin: "",
          },
        });
        want = [401];
      } else if (kind === "malformed_header") {
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: raw,
          headers: {
            "content-type": "application/json",
            "mono-signature": "t=abc,v1=<script>",
            origin: "",
          },
        });
        want = [401];
      } else if (kind === "oversized") {
        const big = env("payout_settled", {
          ...fakePayout("cpout_x"),
          pad: "x".repeat(2 * 1024 * 1024),
        });
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: big,
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(big, o.webhookSecret),
            origin: "",
          },
        });
        want = [413];
      } else if (kind === "bad_utf8") {
        const bytes = Buffer.concat([
          Buffer.from('{"event":{"type":"payout_settled","data":{"id":"'),
          Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
          Buffer.from('"}}}'),
        ]);
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: new Uint8Array(bytes),
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(bytes, o.webhookSecret),
            origin: "",
          },
        });
        want = [400];
      } else if (kind === "bad_json") {
        const junk = '{"event": {"type": "payout_settled", "data": {"id": "cpout_';
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: junk,
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(junk, o.webhookSecret),
            origin: "",
          },
        });
        want = [400];
      } else {
        // A leaked secret: a validly signed "settled" for a payout Mono is failing.
        const target = decoySubs.length
          ? await decoyMonoId(o.pool, decoySubs[i % decoySubs.length])
          : null;
        if (!target) {
          await sleep(50);
          continue;
        }
        const forged = env("payout_settled", fakePayout(target));
        r = await call(o.consoleUrl, "POST", "/api/webhooks/mono", {
          rawBody: forged,
          headers: {
            "content-type": "application/json",
            "mono-signature": sign(forged, o.webhookSecret),
            origin: "",
          },
        });
        attack.forged_settle_sent++;
        want = [200];
      }
      attack.sent++;
      attack.by[`${kind}:${r.status}`] = (attack.by[`${kind}:${r.status}`] ?? 0) + 1;
      if (!want.includes(r.status))
        attack.unexpected.push(`${kind} → ${r.status} ${r.text.slice(0, 120)}`);
      await sleep(150);
    }
  })();

  // The payouts: `concurrency` workers over the numbered list; decoys first.
  let next = 0;
  const total = o.payouts + decoyCount;
  let lastReport = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, w) => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        const decoy = n < decoyCount;
        const s = await submit(n, operators[w % operators.length], decoy);
        subs.push(s);
        if (decoy) decoySubs.push(s);
        if (performance.now() - lastReport > 15_000) {
          lastReport = performance.now();
          log(
            `submitted ${subs.length}/${total} (${Math.round((performance.now() - started) / 1000)} s) statuses ${JSON.stringify(statuses)}`,
          );
        }
      }
    }),
  );
  const submitSeconds = (performance.now() - started) / 1000;
  log(
    `all ${total} submitted in ${submitSeconds.toFixed(0)} s; waiting for the jobs to finish every operation`,
  );

  // Quiescence: the console's own jobs (poller, recovery, webhook processing) finish everything,
  // first still under faults, then with Mono healthy again.
  const openCount = async () => {
    const { rows } = await o.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Operation" WHERE reason LIKE $1 AND state::text NOT IN ('settled','failed','needs_attention')`,
      [`${tag} #%`],
    );
    return Number(rows[0].n);
  };
  const settleStart = performance.now();
  let open = await openCount();
  while (open > 0 && performance.now() - settleStart < (o.faultedDrainMs ?? 60_000)) {
    await sleep(2_000);
    open = await openCount();
  }
  const openAfterFaultedDrain = open;
  const faultedDrainSeconds = (performance.now() - settleStart) / 1000;
  attacking = false;
  await attacker;
  await admin("/faults", { method: "PUT", body: {} });
  log(
    `${open} operations still open after ${Math.round(faultedDrainSeconds)} s of draining under faults; faults cleared`,
  );
  // A browser that gave up (Mono's breaker open: the balance pre-check answered 503 for longer
  // than this client retries) comes back later with the same key and body, as a person would.
  // Each must now become exactly one operation: nothing is excused as "unanswered".
  const gaveUp = subs.filter((s) => !s.opId && !s.refused);
  for (const s of gaveUp) {
    const again = await submit(s.n, s.user, s.decoy, s.key);
    Object.assign(s, { opId: again.opId, refused: again.refused, answer: again.answer });
  }
  if (gaveUp.length)
    log(`${gaveUp.length} submissions the client had given up on were sent again with their keys`);
  const cleanStart = performance.now();
  while (open > 0 && performance.now() - cleanStart < o.settleTimeoutMs) {
    await sleep(2_000);
    open = await openCount();
  }
  const settleSeconds = (performance.now() - settleStart) / 1000;
  polling = false;
  await poller;
  await pollSandbox();

  // Invariants.
  const dup = await admin<{ duplicates: unknown[]; payouts: number }>("/duplicates");
  const { rows: ops } = await o.pool.query<{
    id: string;
    reason: string;
    state: string;
    lastErrorCode: string | null;
    attemptCount: number;
    monoId: string | null;
  }>(
    `SELECT id, reason, state::text AS state, "lastErrorCode", "attemptCount", "monoId" FROM "Operation" WHERE reason LIKE $1`,
    [`${tag} #%`],
  );
  const byReason = new Map(ops.map((r) => [r.reason, r]));
  const states: Record<string, number> = {};
  for (const r of ops) states[r.state] = (states[r.state] ?? 0) + 1;
  const lostOps = ops.filter(
    (r) => !FINAL.has(r.state) || (r.state === "needs_attention" && !r.lastErrorCode),
  );
  const acknowledgedMissing = subs.filter((s) => s.opId && !ops.some((r) => r.id === s.opId));
  // A submission the client never got an answer for, with no operation behind it, is not an
  // operation (nothing was written); counted apart.
  const unanswered = subs.filter((s) => !s.opId && !s.refused && !byReason.has(`${tag} #${s.n}`));
  const refused: Record<string, number> = {};
  for (const s of subs) if (s.refused) refused[s.refused] = (refused[s.refused] ?? 0) + 1;
  const decoyOps = decoySubs
    .map((s) => byReason.get(`${tag} #${s.n}`))
    .filter(Boolean) as typeof ops;
  const forgedAccepted = decoyOps.filter((r) => r.state === "settled").length;

  const early = await earlyRetries(
    o.pool,
    ops.map((r) => r.id),
  );
  const sandboxEarly = earlyBySandbox([...seen.values()], o.retryAfterS);
  const faultCounts: Record<string, number> = {};
  for (const e of seen.values())
    if (e.fault) faultCounts[e.fault.split(";")[0]] = (faultCounts[e.fault.split(";")[0]] ?? 0) + 1;
  const { rows: wh } = await o.pool.query<{
    events: string;
    deliveries: string;
    unprocessed: string;
    errors: string;
  }>(
    `SELECT count(*) AS events, coalesce(sum(deliveries), 0) AS deliveries, count(*) FILTER (WHERE "processedAt" IS NULL) AS unprocessed, count(*) FILTER (WHERE "processingError" IS NOT NULL) AS errors FROM "WebhookEvent"`,
  );
  const { rows: attempts } = await o.pool.query<{ n: string; retries: string }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE attempt > 1) AS retries FROM "RequestLog" WHERE "operationId" = ANY($1)`,
    [ops.map((r) => r.id)],
  );
  const sorted = latencies.sort((a, b) => a - b);

  return {
    tag,
    figures: {
      payouts: o.payouts,
      decoys: decoyCount,
      operations: ops.length,
      duplicates: dup.duplicates.length,
      lost: lostOps.length + acknowledgedMissing.length,
      early_retries: early.violations + sandboxEarly.violations,
      retries_after_429_checked: early.checked,
      sandbox_429_followups_checked: sandboxEarly.checked,
      states,
      refused,
      unanswered: unanswered.length,
      console_statuses: statuses,
      submit_p50_ms: Math.round(pct(sorted, 50)),
      submit_p99_ms: Math.round(pct(sorted, 99)),
      submit_seconds: Math.round(submitSeconds),
      settle_seconds: Math.round(settleSeconds),
      open_after_faulted_drain: openAfterFaultedDrain,
      faulted_drain_seconds: Math.round(faultedDrainSeconds),
      mono_attempts: Number(attempts[0].n),
      mono_retries: Number(attempts[0].retries),
      sandbox_requests_seen: seen.size,
      faults_injected: faultCounts,
      webhook_events: Number(wh[0].events),
      webhook_deliveries: Number(wh[0].deliveries),
      webhook_unprocessed: Number(wh[0].unprocessed),
      webhook_processing_errors: Number(wh[0].errors),
      webhook_attacks: attack.sent,
      webhook_attacks_unexpected: attack.unexpected.length,
      forged_settle_sent: attack.forged_settle_sent,
      forged_settlements_accepted: forgedAccepted,
    },
    details: {
      lostOps: lostOps.slice(0, 20),
      acknowledgedMissing: acknowledgedMissing.slice(0, 20),
      earlySamples: [...early.samples, ...sandboxEarly.samples].slice(0, 20),
      attackUnexpected: attack.unexpected.slice(0, 20),
      attackBy: attack.by,
      decoyStates: decoyOps.map((r) => r.state),
      duplicates: dup.duplicates.slice(0, 10),
    },
  };
}

async function decoyMonoId(pool: pg.Pool, s: { opId: string | null }): Promise<string | null> {
  if (!s.opId) return null;
  const { rows } = await pool.query<{ monoId: string | null }>(
    `SELECT "monoId" FROM "Operation" WHERE id = $1`,
    [s.opId],
  );
  return rows[0]?.monoId ?? null;
}

function retryAfterMs(v: string | undefined | null, at: Date): number | null {
  if (!v) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const d = Date.parse(v);
  return Number.isNaN(d) ? null : Math.max(0, d - at.getTime());
}

/** RequestLog: every attempt that followed a 429 carrying Retry-After waited at least that long. */
export async function earlyRetries(pool: pg.Pool, operationIds: string[]) {
  const { rows } = await pool.query<{
    prevAt: Date;
    prevDur: number;
    ra: string | null;
    at: Date;
    delay: number;
    reason: string | null;
    requestId: string;
  }>(
    `SELECT p.at AS "prevAt", p."durationMs" AS "prevDur", p."responseHeaders"->>'retry-after' AS ra, a.at, a."delayBeforeMs" AS delay, a."delayReason" AS reason, a."requestId"
       FROM "RequestLog" a JOIN "RequestLog" p ON p."callId" = a."callId" AND p.attempt = a.attempt - 1
      WHERE p.status = 429 AND (cardinality($1::text[]) = 0 OR a."operationId" = ANY($1))`,
    [operationIds],
  );
  let violations = 0;
  const samples: string[] = [];
  for (const r of rows) {
    const ra = retryAfterMs(r.ra, new Date(r.prevAt.getTime() + r.prevDur));
    if (ra === null) continue;
    const gap = r.at.getTime() - (r.prevAt.getTime() + r.prevDur);
    // delayBeforeMs is what the client waited; the timestamps (ms precision) must agree within 2 ms.
    if (r.delay < ra || gap < ra - 2) {
      violations++;
      samples.push(`${r.requestId}: Retry-After ${ra} ms, delayBeforeMs ${r.delay}, gap ${gap} ms`);
    }
  }
  return { checked: rows.length, violations, samples };
}

/** The sandbox's own view: after a 429 on an idempotency key, the next request with that key came ≥ Retry-After later. */
function earlyBySandbox(reqs: TSandboxReq[], retryAfterS: number) {
  const byKey = new Map<string, TSandboxReq[]>();
  for (const r of reqs)
    if (r.idempotency_key)
      (
        byKey.get(r.idempotency_key) ?? byKey.set(r.idempotency_key, []).get(r.idempotency_key)!
      ).push(r);
  let checked = 0;
  let violations = 0;
  const samples: string[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    for (let i = 0; i + 1 < list.length; i++) {
      if (list[i].status !== 429) continue;
      checked++;
      // The sandbox logs `at` when a request is finished: the 429 left at list[i].at, and the next
      // request arrived at its own `at` minus its duration.
      const gap = Date.parse(list[i + 1].at) - list[i + 1].duration_ms - Date.parse(list[i].at);
      // Same machine clock on both sides; 25 ms covers the socket hop.
      if (gap < retryAfterS * 1000 - 25) {
        violations++;
        samples.push(
          `sandbox ${list[i].id} → ${list[i + 1].id}: ${gap} ms after a 429 (Retry-After ${retryAfterS} s)`,
        );
      }
    }
  }
  return { checked, violations, samples };
}
