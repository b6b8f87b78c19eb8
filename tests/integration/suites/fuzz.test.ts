import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { makeUser } from "@/prisma/factories";
import { sessionCookie } from "@/tests/support/route";
import { rowCounter, runFuzz } from "@/scripts/suites/lib/fuzz-core";
import { fuzzSchemas } from "@/scripts/suites/lib/fuzz-schemas";

// `npm run fuzz` in small: 1,500 generated bad inputs across every route handler, in-process, plus
// the fixed sweep of out-of-range ids, cursors and times on every route.
describe("fuzz (short)", () => {
  it("its row counter sees a committed write, and only skips counting when nothing completed", async () => {
    const countRows = await rowCounter((sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql));
    const before = await countRows();
    expect(await countRows()).toEqual(before); // nothing written: the same counts
    await db.alert.create({
      data: {
        id: newId("alr"),
        rule: "balance_warning",
        foldKey: `balance_warning:fuzz-counter-${randomUUID()}`,
        severity: "warning",
        title: "Row counter check",
        details: {},
        state: "open",
      },
    });
    const after = await countRows();
    expect(after.Alert).toBe(before.Alert + 1);
    expect({ ...after, Alert: before.Alert }).toEqual(before);
  });

  it("1,500 bad inputs: no 5xx, every error is problem+json with a request id, nothing written", async () => {
    const { user } = await makeUser({ role: "admin" });
    const countRows = await rowCounter((sql) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql));
    const r = await runFuzz({
      root: path.resolve(__dirname, "../../.."),
      inputs: 1_500,
      seed: 20_261_122,
      cookie: await sessionCookie(user),
      origin: "http://localhost:3000",
      webhookSecret: process.env.MONO_WEBHOOK_SECRET,
      countRows,
      schemas: fuzzSchemas(),
    });
    expect(r.figures.inputs).toBeGreaterThan(1_400);
    expect(r.figures.routes).toBeGreaterThan(20);
    // Text PostgreSQL cannot store reached the write routes and a signed webhook (kept, 2xx).
    expect(r.byKind["body:unstorable_text"]).toBeGreaterThan(0);
    expect(r.figures.kept_unprocessable).toBeGreaterThan(0);
    expect(
      {
        server_errors: r.figures.server_errors,
        bad_shape: r.figures.bad_shape,
        writes: r.figures.writes,
      },
      r.samples.join("\n"),
    ).toEqual({ server_errors: 0, bad_shape: 0, writes: 0 });
  }, 240_000);
});
