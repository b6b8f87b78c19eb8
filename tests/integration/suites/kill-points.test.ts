import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULT_POINTS, type TFaultPoint } from "@/lib/env-schema";
import { routeHostStack, type TStack } from "@/scripts/suites/lib/setups";
import { call, makeUsers, payoutBody, type TSuiteUser } from "@/scripts/suites/lib/client";
import { sandboxAdmin, sleep } from "@/scripts/suites/lib/stack";

// The write path's named kill points (docs/RELIABILITY.md "Kill points"). For each point and for a
// payout and a two-row transfer batch: the console process SIGKILLs itself there, its premise is
// checked (what the database and Mono hold at that moment), the console restarts without the
// fault, the same request is retried with the same Idempotency-Key and body once the leases have
// run out, and the end is exactly one operation and exactly one Mono object per key.
const LEASE_MS = 2_000;
let stack: TStack;
let user: TSuiteUser;
let ledger: string;
let bank: string;

beforeAll(async () => {
  stack = await routeHostStack({
    name: "kill-points",
    env: { IDEMPOTENCY_LEASE_MS: String(LEASE_MS), SEND_LEASE_MS: String(LEASE_MS) },
  });
  [user] = await makeUsers(stack.pool, stack.secrets.nextauthSecret, ["operator"], "kill");
  const admin = sandboxAdmin(stack.sandbox);
  ledger = (
    await admin<{ id: string }>("/ledger/accounts", {
      method: "POST",
      body: { name: "Kill points", available: 1_000_000_000_00 },
    })
  ).id;
  bank = (
    await admin<{ id: string }>("/accounts", {
      method: "POST",
      body: { name: "Kill points bank", balance: 1_000_000_000_00 },
    })
  ).id;
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

type TCase = { kind: "payout" | "batch"; path: string; body: Record<string, unknown> };

function newCase(kind: TCase["kind"], n: number): TCase {
  const tag = `kill-${kind}-${randomUUID().slice(0, 8)}`;
  if (kind === "payout")
    return {
      kind,
      path: "/api/operations/payouts",
      body: payoutBody({ sourceAccountId: ledger, n, tag }),
    };
  const row = (i: number) => {
    const p = payoutBody({ sourceAccountId: ledger, n: n * 10 + i, tag });
    return { amount: p.amount, beneficiary: p.beneficiary };
  };
  return {
    kind,
    path: "/api/operations/transfers",
    body: {
      sourceAccountId: bank,
      mode: "create",
      routing: "turbo",
      currency: "COP",
      reason: `${tag} #${n}`,
      rows: [row(1), row(2)],
    },
  };
}

async function dbState(reason: string) {
  const ops = await stack.pool.query<{
    id: string;
    state: string;
    externalId: string;
    idempotencyKey: string;
  }>(
    `SELECT id, state::text AS state, "externalId", "idempotencyKey" FROM "Operation" WHERE reason = $1`,
    [reason],
  );
  const keys = await stack.pool.query<{ operationId: string | null; state: string }>(
    `SELECT "operationId", state FROM "InboundRequest" WHERE "userId" = $1 ORDER BY id DESC LIMIT 1`,
    [user.id],
  );
  return { ops: ops.rows, key: keys.rows[0] };
}

/** Mono objects for the operation: payouts or batches under its key, transfers per row. */
async function atMono(op: { externalId: string; idempotencyKey: string }, kind: TCase["kind"]) {
  const admin = sandboxAdmin(stack.sandbox);
  const byKey = await admin<{ by_key: { payouts: number; batches: number } }>(
    `/counts?idempotency_key=${op.idempotencyKey}`,
  );
  if (kind === "payout") {
    const byExt = await admin<{ payouts: number }>(`/counts?external_id=${op.externalId}`);
    return { roots: byKey.by_key.payouts, perExternalId: [byExt.payouts] };
  }
  const rows = await Promise.all(
    [1, 2].map((i) =>
      admin<{ transfers: number }>(`/counts?external_id=${op.externalId}-${i}`).then(
        (r) => r.transfers,
      ),
    ),
  );
  return { roots: byKey.by_key.batches, perExternalId: rows };
}

// What must hold right after the kill, point by point: the proof that the kill happened there.
async function checkPremise(point: TFaultPoint, c: TCase) {
  const { ops, key } = await dbState(String(c.body.reason));
  if (point === "after_key_claim") {
    expect(ops).toHaveLength(0);
    expect([key?.state, key?.operationId]).toEqual(["in_flight", null]);
    return;
  }
  expect(ops).toHaveLength(1);
  expect(key?.operationId).toBe(ops[0].id);
  expect(key?.state).toBe("in_flight");
  const mono = await atMono(ops[0], c.kind);
  const expected: Record<Exclude<TFaultPoint, "after_key_claim">, [string, number]> = {
    after_operation_commit: ["approved", 0],
    after_mono_request_sent: ["sending", 1],
    after_mono_response: ["sending", 1],
    after_state_recorded: ["accepted", 1],
  };
  expect([ops[0].state, mono.roots]).toEqual(expected[point]);
}

describe("kill points: SIGKILL at each named point, restart, retry with the same key", () => {
  let n = 0;
  for (const point of FAULT_POINTS) {
    for (const kind of ["payout", "batch"] as const) {
      it(`${point} (${kind}): one operation, one Mono object per key`, async () => {
        const host = stack.host!;
        const c = newCase(kind, ++n);
        const key = randomUUID();
        const send = () =>
          call(host.url, "POST", c.path, {
            cookie: user.cookie,
            body: c.body,
            headers: { "idempotency-key": key },
            timeoutMs: 30_000,
          });
        await host.kill();
        await host.start({ FAULT_POINT: point });
        const first = await send();
        expect(first.status, first.text).toBe(0); // the connection died with the process
        await sleep(200);
        expect(host.proc().signalCode).toBe("SIGKILL");
        await checkPremise(point, c);

        await host.start();
        await sleep(LEASE_MS + 500); // both leases of the dead process have run out
        let answer = await send();
        for (let i = 0; i < 20 && answer.status === 409; i++) {
          await sleep(500);
          answer = await send();
        }
        expect(answer.status, answer.text).toBe(201);
        const { ops } = await dbState(String(c.body.reason));
        expect(ops).toHaveLength(1);
        expect((answer.json?.operation as { id: string }).id).toBe(ops[0].id);
        expect(["accepted", "settled"]).toContain(ops[0].state);
        const mono = await atMono(ops[0], kind);
        expect(mono).toEqual({
          roots: 1,
          perExternalId: kind === "payout" ? [1] : [1, 1],
        });
        // The answer is now stored: the same request again is a replay of it.
        const replay = await send();
        expect([replay.status, replay.headers?.get("idempotent-replayed")]).toEqual([201, "true"]);
      }, 120_000);
    }
  }
});
