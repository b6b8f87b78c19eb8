import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { payoutInput, transfersInput } from "@/tests/support/operations";
import { rowCounter } from "@/scripts/suites/lib/fuzz-core";
import * as webhookEventRoute from "@/app/api/webhooks/events/[id]/route";
import * as webhookReprocessRoute from "@/app/api/webhooks/events/[id]/reprocess/route";
import * as webhookEventsRoute from "@/app/api/webhooks/events/route";
import * as auditRoute from "@/app/api/audit/route";
import * as requestsRoute from "@/app/api/requests/route";
import * as requestsExportRoute from "@/app/api/requests/export/route";
import * as alertsRoute from "@/app/api/alerts/route";
import * as findingsRoute from "@/app/api/reconciliation/findings/route";
import * as payoutsRoute from "@/app/api/operations/payouts/route";
import * as transfersRoute from "@/app/api/operations/transfers/route";
import * as usersRoute from "@/app/api/users/route";

// Input a PostgreSQL column cannot hold — an id or cursor past bigint, a time past the year 9999,
// a lone UTF-16 surrogate — answered 500 (the database refused it). Each is now a 400
// validation_failed in the problem shape, and nothing is written anywhere.

let admin: TTestUser;
let counts: () => Promise<Record<string, number>>;
beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).user;
  counts = await rowCounter((sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql));
});

const OVER_INT8 = "9999999999999999999"; // 19 digits, past 9223372036854775807
const YEAR_33658_MS = "999999999999999"; // 15 digits of epoch ms

type TCall = { status: number; json: Record<string, unknown> };

function expectInvalid(r: TCall, path?: string) {
  expect(r.status, JSON.stringify(r.json)).toBe(400);
  expect(r.json).toMatchObject({ status: 400, code: "validation_failed" });
  expect(typeof r.json.detail).toBe("string");
  expect(r.json.request_id).toMatch(/^req_/);
  if (path) expect((r.json.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  // Every field error carries a stable code and params beside its English message.
  for (const e of (r.json.errors ?? []) as Record<string, unknown>[])
    expect([typeof e.code, typeof e.params, typeof e.message], JSON.stringify(e)).toEqual([
      "string",
      "object",
      "string",
    ]);
  expect((r.json.meta as Record<string, unknown>)?.detail_code).toBe("invalid_input");
}

/** Runs `fn` and asserts that no table of the database gained or lost a row. */
async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
  const before = await counts();
  const out = await fn();
  expect(await counts()).toEqual(before);
  return out;
}

describe("ids, cursors and times out of range: 400 validation_failed, nothing written", () => {
  it("a webhook event id past bigint (GET /api/webhooks/events/9999999999999999999)", async () => {
    await writesNothing(async () => {
      const r = await callRoute(webhookEventRoute.GET, { user: admin, params: { id: OVER_INT8 } });
      expectInvalid(r, "/id");
      // the same on a write route taking that id
      expectInvalid(
        await callRoute(webhookReprocessRoute.POST, {
          method: "POST",
          user: admin,
          params: { id: OVER_INT8 },
          body: {},
        }),
        "/id",
      );
    });
    // the largest bigint is a valid id, of no event
    const max = await callRoute(webhookEventRoute.GET, {
      user: admin,
      params: { id: "9223372036854775807" },
    });
    expect(max.status).toBe(404);
  });

  it("?before=9999999999999999999 on the webhook log", async () => {
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(webhookEventsRoute.GET, {
          user: admin,
          path: `/api/webhooks/events?before=${OVER_INT8}`,
        }),
        "/before",
      ),
    );
    const max = await callRoute(webhookEventsRoute.GET, {
      user: admin,
      path: "/api/webhooks/events?before=9223372036854775807",
    });
    expect(max.status).toBe(200);
  });

  it("?before=9999999999999999999 on the audit log", async () => {
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(auditRoute.GET, { user: admin, path: `/api/audit?before=${OVER_INT8}` }),
        "/before",
      ),
    );
    const max = await callRoute(auditRoute.GET, {
      user: admin,
      path: "/api/audit?before=9223372036854775807",
    });
    expect(max.status).toBe(200);
  });

  it("a request-log cursor whose id is past bigint (?cursor=1_9999999999999999999)", async () => {
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(requestsRoute.GET, {
          user: admin,
          path: `/api/requests?cursor=1_${OVER_INT8}`,
        }),
        "/cursor",
      ),
    );
  });

  it("a request-log cursor holding a time in the year 33658", async () => {
    expect(new Date(Number(YEAR_33658_MS)).getUTCFullYear()).toBe(33658);
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(requestsRoute.GET, {
          user: admin,
          path: `/api/requests?cursor=${YEAR_33658_MS}_1`,
        }),
        "/cursor",
      ),
    );
    // the last millisecond of the year 9999 is still a cursor
    const last = Date.parse("9999-12-31T23:59:59.999Z");
    const ok = await callRoute(requestsRoute.GET, {
      user: admin,
      path: `/api/requests?cursor=${last}_9223372036854775807`,
    });
    expect(ok.status).toBe(200);
  });

  it("times PostgreSQL does not store (year 0) in the other lists' filters and cursors", async () => {
    await writesNothing(async () => {
      const year0 = "0000-01-01T00:00:00Z";
      expectInvalid(
        await callRoute(webhookEventsRoute.GET, {
          user: admin,
          path: `/api/webhooks/events?from=${year0}`,
        }),
        "/from",
      );
      expectInvalid(
        await callRoute(webhookEventsRoute.GET, {
          user: admin,
          path: `/api/webhooks/events?to=${year0}`,
        }),
        "/to",
      );
      expectInvalid(
        await callRoute(alertsRoute.GET, { user: admin, path: `/api/alerts?before=${year0}` }),
        "/before",
      );
      expectInvalid(
        await callRoute(findingsRoute.GET, {
          user: admin,
          path: `/api/reconciliation/findings?before=${year0}`,
        }),
        "/before",
      );
    });
    for (const [h, path] of [
      [
        webhookEventsRoute.GET,
        "/api/webhooks/events?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
      ],
      [alertsRoute.GET, "/api/alerts?before=9999-12-31T23:59:59Z"],
      [findingsRoute.GET, "/api/reconciliation/findings?before=0001-01-01T00:00:00Z"],
    ] as const)
      expect((await callRoute(h, { user: admin, path })).status, path).toBe(200);
  });
});

describe("text PostgreSQL cannot store, on console writes: 400 validation_failed, nothing written", () => {
  it("a lone surrogate in a payee name", async () => {
    const body = payoutInput();
    body.beneficiary.name = "Proveedor \ud800 SAS";
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(payoutsRoute.POST, {
          method: "POST",
          user: admin,
          body,
          headers: { "idempotency-key": randomUUID() },
        }),
        "/beneficiary/name",
      ),
    );
  });

  it("a lone surrogate in a description (a payout's and a transfer row's), low or high", async () => {
    await writesNothing(async () => {
      expectInvalid(
        await callRoute(payoutsRoute.POST, {
          method: "POST",
          user: admin,
          body: payoutInput({ description: "Factura \udc00 12" }),
          headers: { "idempotency-key": randomUUID() },
        }),
        "/description",
      );
      const batch = transfersInput([{ amount: 100_000 }, { amount: 200_000 }]);
      batch.rows[batch.rows.length - 1].description = "fin \ud83d";
      expectInvalid(
        await callRoute(transfersRoute.POST, {
          method: "POST",
          user: admin,
          body: batch,
          headers: { "idempotency-key": randomUUID() },
        }),
        `/rows/${batch.rows.length - 1}/description`,
      );
    });
  });

  it("in an object key at any depth, and NUL as before; a well-formed pair (an emoji) is fine", async () => {
    await writesNothing(async () => {
      const deep: Record<string, unknown> = { "k\ud800": 1 };
      let body: Record<string, unknown> = deep;
      for (let i = 0; i < 200; i++) body = { n: body };
      const r = await callRoute(usersRoute.POST, { method: "POST", user: admin, body });
      expectInvalid(r, `${"/n".repeat(200)}/k\\ud800`);
      expectInvalid(
        await callRoute(usersRoute.POST, {
          method: "POST",
          user: admin,
          body: { email: "nul@example.test", name: "a\u0000b", role: "viewer" },
        }),
        "/name",
      );
    });
    const ok = await callRoute(usersRoute.POST, {
      method: "POST",
      user: admin,
      body: { email: `emoji-${randomUUID()}@example.test`, name: "Ana 😀", role: "viewer" },
    });
    expect(ok.status).toBe(201);
  });

  it("the CSV export of the request log checks the same filters", async () => {
    await writesNothing(async () =>
      expectInvalid(
        await callRoute(requestsExportRoute.GET, {
          user: admin,
          path: "/api/requests/export?endpoint=a%00b",
        }),
        "/endpoint",
      ),
    );
  });
});
