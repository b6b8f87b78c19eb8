import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { jsonb, sqlDb } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { beneficiary } from "@/tests/support/operations";
import * as viewsRoute from "@/app/api/views/route";
import * as viewRoute from "@/app/api/views/[id]/route";
import * as exportRoute from "@/app/api/operations/export/route";
import { NextRequest } from "next/server";
import { sessionCookie } from "@/tests/support/route";

// Saved views (private or shared) and the full export (every matching row, streamed, counted).
let alice: TTestUser;
let bob: TTestUser;
let maker: TTestUser;
// 100,000 operations of one maker, each to its own account: every third failed, the rest settled, amounts 1,000–100,999
// minor units, one a second going back ~28 hours. The export is filtered, so it must hold exactly
// the matching subset, not a page and not everything.
const OPERATIONS = 100_000;

beforeAll(async () => {
  alice = (await makeUser({ role: "operator" })).user;
  bob = (await makeUser({ role: "viewer" })).user;
  maker = (await makeUser({ role: "operator" })).user;
  const run = randomUUID().replace(/-/g, "").slice(0, 6);
  // One account per operation, as real payouts spread over many payees (the beneficiary trigger
  // upserts one row per account; a single shared account would rewrite one row 100,000 times).
  const run2 = String(40_000_000_000 + Math.floor(Math.random() * 1e9) * 10);
  await sql`INSERT INTO "Operation" (id, kind, state, amount, "sourceAccountId", target, reason,
      "idempotencyKey", "externalId", fingerprint, "monoRequest", "policyVersion", "createdById",
      "createdAt", "updatedAt")
    SELECT 'op_' || ${run} || lpad(i::text, 16, '0'), 'payout',
      (CASE WHEN i % 3 = 0 THEN 'failed' ELSE 'settled' END)::"OperationState",
      1000 + i % 100000, 'lacc_4PagosProveedores9aBcD',
      ${jsonb(beneficiary())}::jsonb || jsonb_build_object('accountNumber', (${run2}::bigint + i)::text),
      'export row ' || i, gen_random_uuid()::text, 'mops-' || ${run} || i, repeat('f', 64),
      '{}'::jsonb, 1, ${maker.id}, now() - i * interval '1 second', now()
    FROM generate_series(1, ${OPERATIONS}) AS i`.execute(sqlDb);
}, 180_000);

type TViews = {
  views: { id: string; name: string; query: string; shared: boolean; mine: boolean }[];
};

describe("saved views", () => {
  it("private views stay mine, shared ones are everyone's; only the owner deletes", async () => {
    const save = (user: TTestUser, body: unknown) =>
      callRoute(viewsRoute.POST, { method: "POST", user, body });
    const a = await save(alice, {
      list: "payouts",
      name: "Failed today",
      query: "state=failed&range=24h",
    });
    expect(a.status).toBe(200);
    const b = await save(alice, {
      list: "payouts",
      name: "Big ones",
      query: "minAmount=100000000",
      shared: true,
    });
    expect(b.status).toBe(200);
    expect((await save(alice, { list: "payouts", name: "Big ones", query: "" })).status).toBe(409);

    const mine = (await callRoute(viewsRoute.GET, { user: alice, path: "/api/views?list=payouts" }))
      .json as TViews;
    expect(mine.views.filter((v) => v.mine).map((v) => v.name)).toEqual([
      "Big ones",
      "Failed today",
    ]);
    const theirs = (await callRoute(viewsRoute.GET, { user: bob, path: "/api/views?list=payouts" }))
      .json as TViews;
    const shared = theirs.views.find((v) => v.name === "Big ones");
    expect(shared).toMatchObject({ shared: true, mine: false, query: "minAmount=100000000" });
    expect(theirs.views.find((v) => v.name === "Failed today")).toBeUndefined();

    const priv = mine.views.find((v) => v.name === "Failed today")!;
    const del = (user: TTestUser, id: string) =>
      callRoute(viewRoute.DELETE, { method: "DELETE", user, params: { id } });
    expect((await del(bob, priv.id)).status).toBe(404);
    expect((await del(bob, shared!.id)).status).toBe(403);
    expect((await del(alice, priv.id)).status).toBe(200);
  });
});

describe("the full export", () => {
  const exportCsv = async (query: string) => {
    const req = new NextRequest(new URL(`http://localhost:3000/api/operations/export?${query}`), {
      headers: { cookie: await sessionCookie(alice) },
    });
    const res = await exportRoute.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    return { res, bytes, lines: text.trimEnd().split("\n") };
  };

  it("streams every one of 100,000 operations that match the filters, and says how many", async () => {
    // Failed, 50,000–100,999 minor units: the count the database gives for the same conditions.
    const expected = Number(
      (
        await sql<{
          n: string;
        }>`SELECT count(*) AS n FROM "Operation" WHERE "createdById" = ${maker.id}
          AND state = 'failed' AND amount >= 50000`.execute(sqlDb)
      ).rows[0].n,
    );
    expect(expected).toBeGreaterThan(10_000);
    expect(expected).toBeLessThan(OPERATIONS / 3);
    const { res, lines } = await exportCsv(`createdBy=${maker.id}&state=failed&minAmount=50000`);
    expect(res.headers.get("x-row-count")).toBe(String(expected));
    expect(res.headers.get("content-disposition")).toContain(`-${expected}-rows.csv`);
    expect(lines.length).toBe(expected + 1);
    // Every cell is quoted ("…"); none of these columns holds a comma.
    const rows = lines.slice(1).map((l) => l.split(",").map((c) => c.replace(/^"|"$/g, "")));
    expect(new Set(rows.map((r) => r[0])).size).toBe(expected);
    expect(rows.every((r) => r[3] === "failed")).toBe(true);
  }, 180_000);

  it("the spreadsheet form (es-CO): the same rows, semicolons, amounts with a decimal comma", async () => {
    const { res, bytes, lines } = await exportCsv(
      `createdBy=${maker.id}&state=failed&minAmount=99990&format=es-CO`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
    const n = Number(res.headers.get("x-row-count"));
    expect(n).toBeGreaterThan(0);
    expect(lines.length).toBe(n + 1);
    expect(lines[0].charCodeAt(0)).toBe(0xfeff);
    expect(lines[0].slice(1).split(";")[0]).toBe('"id"');
    const cells = lines[1].split(";").map((c) => c.replace(/^"|"$/g, ""));
    expect(cells[3]).toBe("failed");
    expect(cells[4]).toMatch(/^\d+,\d{2}$/); // 999,90 … 1009,99 pesos
    expect(cells[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it("without a state filter, every operation of the maker", async () => {
    const { res, lines } = await exportCsv(`createdBy=${maker.id}`);
    expect(res.headers.get("x-row-count")).toBe(String(OPERATIONS));
    expect(lines.length).toBe(OPERATIONS + 1);
  }, 180_000);
});
