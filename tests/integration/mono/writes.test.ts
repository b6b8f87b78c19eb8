import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MonoApiError, MonoClient, MonoRequestLogError, type MonoError } from "@/lib/mono";
import {
  OPERATIONS,
  SUPPLIERS,
  VIEWER_KEY,
  admin,
  clientLog,
  expectNoSecrets,
  fastClient,
  firstN,
  opId,
  payoutBody,
  recorder,
  rowsFor,
  sandbox,
} from "./helpers";

// Writes: one key and one body on every attempt, exactly one object on Mono after an ambiguous
// failure, and no retry for answers that cannot change.
const WRONG_KEY = "sk_wrong_key_000000000";
let sb: Awaited<ReturnType<typeof sandbox>>;
const rec = recorder();
let client: MonoClient;

beforeAll(async () => {
  sb = await sandbox();
  client = fastClient(sb.url, rec);
});
afterAll(async () => {
  await client.close();
  await sb.close();
  await expectNoSecrets([WRONG_KEY]);
});

async function failure(p: Promise<unknown>): Promise<MonoError> {
  try {
    await p;
  } catch (e) {
    return e as MonoError;
  }
  throw new Error("expected the call to fail");
}

type TCounts = { payouts: number; payout_ids: string[] };

describe("idempotent writes", () => {
  it("500 after commit, then the retry returns the original payout: Mono holds exactly one", async () => {
    const ext = `ext_${randomUUID()}`;
    const key = randomUUID();
    rec.setPlan(firstN(1, "status=500;after_commit"));
    const op = opId("after_commit");
    const res = await client.createPayout(payoutBody(ext), {
      idempotencyKey: key,
      operationId: op,
    });
    // Mono answered the retry with the stored original (200), so `created` is false — the payout
    // is the one our first attempt created.
    expect(res.created).toBe(false);
    expect(res.payout.external_id).toBe(ext);

    const counts = await admin<TCounts>(sb.url, `/counts?external_id=${ext}`);
    expect(counts.payouts).toBe(1);
    expect(counts.payout_ids).toEqual([res.payout.id]);
    const dups = await admin<{ duplicates: unknown[] }>(sb.url, "/duplicates");
    expect(dups.duplicates).toEqual([]);

    // Same key and byte-identical body on both attempts, on the wire and in the log.
    expect(rec.sent).toHaveLength(2);
    expect(rec.sent.map((s) => s.headers["x-idempotency-key"])).toEqual([key, key]);
    expect(rec.sent[1].body).toBe(rec.sent[0].body);
    const seen = await admin<{ requests: { idempotency_key: string; status: number }[] }>(
      sb.url,
      `/requests?idempotency_key=${key}`,
    );
    expect(seen.requests.map((r) => r.status).sort()).toEqual([200, 500]);

    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.attempt, r.status, r.statusClass, r.errorCode])).toEqual([
      [1, 500, "5xx", "internal_error"],
      [2, 200, "2xx", null],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({
        idempotencyKey: key,
        endpoint: "POST /v1/core/payouts",
        method: "POST",
      });
      expect(r.callId).toBe(res.callId);
    }
    expect(rows[1].requestBody).toEqual(rows[0].requestBody);
    expect(rows[1].requestId).toBe(res.requestId);
  });

  it("a first-time create reports created: true (201)", async () => {
    const res = await client.createPayout(payoutBody(`ext_${randomUUID()}`), {
      idempotencyKey: randomUUID(),
    });
    expect(res.created).toBe(true);
    expect(["pending", "processing"]).toContain(res.payout.state);
  });

  it("a reset after commit is retried with the same key and still yields one object", async () => {
    const ext = `ext_${randomUUID()}`;
    rec.setPlan(firstN(1, "reset;after_commit"));
    await client.createPayout(payoutBody(ext), { idempotencyKey: randomUUID() });
    expect((await admin<TCounts>(sb.url, `/counts?external_id=${ext}`)).payouts).toBe(1);
  });

  it("stores redacted bodies: document and account numbers masked, names kept", async () => {
    const op = opId("redact");
    rec.setPlan(() => null);
    await client.createPayout(payoutBody(`ext_${randomUUID()}`), {
      idempotencyKey: randomUUID(),
      operationId: op,
    });
    const [row] = await rowsFor(op);
    const text = JSON.stringify(row.requestBody) + JSON.stringify(row.responseBody);
    expect(text).not.toContain("1020304050");
    expect(text).not.toContain("4000123456");
    expect(text).toContain("******4050");
    expect(text).toContain("Ana Gómez");
    expect(text).not.toContain("ana@example.com");
  });

  it("refuses a write without a valid UUID v4 key before sending anything", async () => {
    rec.setPlan(() => null);
    const bad = { idempotencyKey: "payroll-2026-05-06" };
    await expect(client.createPayout(payoutBody("ext_x"), bad)).rejects.toThrow(TypeError);
    expect(rec.sent).toHaveLength(0);
  });

  it("createTransfers and prepareTransfers send the key and parse the batch", async () => {
    const body = {
      account_id: OPERATIONS,
      transfers: [
        {
          amount: { amount: 10_000_00, currency: "COP" as const },
          routing: "ach" as const,
          external_id: `ext_${randomUUID()}`,
          payee: {
            name: "Luis P",
            document_type: "CC",
            document_number: "1098765432",
            bank_account: {
              bank_code: "1007",
              number: "1234567890",
              type: "savings_account" as const,
            },
          },
        },
      ],
    };
    rec.setPlan(firstN(1, "status=503"));
    const key = randomUUID();
    const sent = await client.createTransfers(body, { idempotencyKey: key, traffic: "batch" });
    expect(sent.transfers).toHaveLength(1);
    expect(rec.sent.map((s) => s.headers["x-idempotency-key"])).toEqual([key, key]);
    const prepared = await client.prepareTransfers(
      { ...body, transfers: [{ ...body.transfers[0], external_id: `ext_${randomUUID()}` }] },
      { idempotencyKey: randomUUID() },
    );
    expect(prepared.batch.id).toMatch(/^bat_/);
  });
});

describe("no retry for answers that cannot change", () => {
  const cases: [string, number, () => Promise<unknown>][] = [
    ["400 invalid filter", 400, () => client.listTransfers({ external_id: "" })],
    [
      "401 unknown key",
      401,
      () =>
        new MonoClient({
          baseUrl: sb.url,
          apiKey: WRONG_KEY,
          interceptors: [rec.interceptor],
          logger: clientLog,
        }).listAccounts(),
    ],
    [
      "403 viewer cannot send",
      403,
      () =>
        fastClient(sb.url, rec, { apiKey: VIEWER_KEY }).createPayout(
          payoutBody(`ext_${randomUUID()}`),
          { idempotencyKey: randomUUID() },
        ),
    ],
    ["404 unknown payout", 404, () => client.getPayout("cpout_0000000000000000000000")],
    [
      "422 business validation",
      422,
      () =>
        client.createPayout(payoutBody(`ext_${randomUUID()}`, 0), { idempotencyKey: randomUUID() }),
    ],
  ];
  it.each(cases)("%s → one attempt", async (_name, status, call) => {
    rec.setPlan(() => null);
    const err = await failure(call());
    expect(err).toBeInstanceOf(MonoApiError);
    expect((err as MonoApiError).status).toBe(status);
    expect(err.retryable).toBe(false);
    expect(err.call).toMatchObject({ attempts: 1, stoppedBy: "not_retryable" });
    expect(rec.sent).toHaveLength(1);
  });

  it("409: same key with another body → one attempt, idempotency_key_reused, row in class 409", async () => {
    const key = randomUUID();
    await client.createPayout(payoutBody(`ext_${randomUUID()}`), { idempotencyKey: key });
    rec.setPlan(() => null);
    const op = opId("409");
    const err = await failure(
      client.createPayout(payoutBody(`ext_${randomUUID()}`), {
        idempotencyKey: key,
        operationId: op,
      }),
    );
    expect(err).toMatchObject({
      status: 409,
      errorCode: "idempotency_key_reused",
      path: "#/headers/x-idempotency-key",
    });
    expect(rec.sent).toHaveLength(1);
    const rows = await rowsFor(op);
    expect(rows.map((r) => [r.statusClass, r.errorCode])).toEqual([
      ["409", "idempotency_key_reused"],
    ]);
    expect(rows[0].monoLogId).toBe((err as MonoApiError).logId);
  });
});

describe("request log write-through", () => {
  it("when the row cannot be written, the call fails and nothing more is sent", async () => {
    let writes = 0;
    const failing = fastClient(sb.url, rec, {
      requestLog: {
        write: async () => {
          writes++;
          throw new Error("db down");
        },
      },
    });
    rec.setPlan(() => "status=503");
    const err = await failure(failing.getLedgerBalance(SUPPLIERS));
    expect(err).toBeInstanceOf(MonoRequestLogError);
    expect(err.call).toMatchObject({ attempts: 1, stoppedBy: "request_log_failed" });
    expect((err as MonoRequestLogError).attemptStatus).toBe(503);
    expect(rec.sent).toHaveLength(1); // no retry was sent unrecorded
    expect(writes).toBe(3); // the write itself was retried twice
    await failing.close();
  });
});
