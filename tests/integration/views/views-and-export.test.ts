import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonb, sqlDb } from "@/lib/db";
import { newId } from "@/lib/ids";
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
const ROWS = 1_234; // more than two pages of the export

beforeAll(async () => {
  alice = (await makeUser({ role: "operator" })).user;
  bob = (await makeUser({ role: "viewer" })).user;
  maker = (await makeUser({ role: "operator" })).user;
  const now = Date.now();
  const target = beneficiary();
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const id = newId("op");
    return {
      id,
      kind: "payout" as const,
      state: "settled" as const,
      amount: BigInt(1000 + i),
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      target: jsonb(target),
      reason: `export row ${i}`,
      idempotencyKey: randomUUID(),
      externalId: `mops-${id}`,
      fingerprint: "f".repeat(64),
      monoRequest: jsonb({}),
      policyVersion: 1,
      createdById: maker.id,
      createdAt: new Date(now - i * 1000),
      updatedAt: new Date(now),
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await sqlDb
      .insertInto("Operation")
      .values(rows.slice(i, i + 500))
      .execute();
});

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
  it("streams every matching row and says how many", async () => {
    const req = new NextRequest(
      new URL(`http://localhost:3000/api/operations/export?createdBy=${maker.id}`),
      { headers: { cookie: await sessionCookie(alice) } },
    );
    const res = await exportRoute.GET(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-row-count")).toBe(String(ROWS));
    expect(res.headers.get("content-disposition")).toContain(`-${ROWS}-rows.csv`);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines.length).toBe(ROWS + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(ROWS);
  });
});
