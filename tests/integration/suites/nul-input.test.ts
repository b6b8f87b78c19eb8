import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import * as chartsRoute from "@/app/api/charts/requests/route";
import * as payoutsRoute from "@/app/api/operations/payouts/route";
import { payoutInput } from "@/tests/support/operations";

// Found by the fuzz suite: PostgreSQL text cannot hold U+0000, so a NUL in a query value (or a
// body string) that passed the zod schema reached SQL and came back as a 500.
let admin: TTestUser;
beforeAll(async () => {
  admin = (await makeUser({ role: "admin" })).user;
});

describe("the NUL character in input", () => {
  it("is refused with a 400 in the problem shape, in a query string and in a body, and nothing is written", async () => {
    const r = await callRoute(chartsRoute.GET, {
      user: admin,
      path: "/api/charts/requests?endpoint=a%00b",
    });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe("validation_failed");
    const ops = await db.operation.count();
    const p = await callRoute(payoutsRoute.POST, {
      method: "POST",
      user: admin,
      body: payoutInput({ reason: "nul \u0000 here" }),
      headers: { "idempotency-key": crypto.randomUUID() },
    });
    expect(p.status).toBe(400);
    expect(p.json.code).toBe("validation_failed");
    expect(await db.operation.count()).toBe(ops);
  });
});
