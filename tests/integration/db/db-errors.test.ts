import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db, sqlDb } from "@/lib/db";
import { mapUnknownError } from "@/lib/api/map-error";

// A database error means the same to a caller whichever layer raised it: Prisma Client (its own
// codes, or PostgreSQL's through the driver adapter) or Kysely (node-pg's DatabaseError).
async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).not.toBeNull();
  return mapUnknownError(err).code;
}

describe("database errors map to the same codes from Prisma and Kysely", () => {
  it("a unique violation is a 409 conflict", async () => {
    const email = `dup-${randomUUID()}@example.test`;
    const user = { email, name: "Dup", role: "viewer" as const };
    await db.user.create({ data: user });
    expect(await codeOf(db.user.create({ data: user }))).toBe("conflict");
    expect(
      await codeOf(
        db.$executeRaw`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES (${randomUUID()}, ${email}, 'Dup', 'viewer', now())`,
      ),
    ).toBe("conflict");
    expect(
      await codeOf(
        sqlDb
          .insertInto("User")
          .values({ id: randomUUID(), email, name: "Dup", role: "viewer", updatedAt: new Date() })
          .execute(),
      ),
    ).toBe("conflict");
  });

  it("text that is not a number is a 400 validation_failed, not a 500", async () => {
    expect(await codeOf(db.$queryRaw`SELECT ${"abc"}::int`)).toBe("validation_failed");
    expect(await codeOf(sql`SELECT ${"abc"}::int`.execute(sqlDb))).toBe("validation_failed");
  });

  it("a deadlock or serialization failure is a 409 to retry", async () => {
    expect(
      await codeOf(
        sql`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01', MESSAGE = 'x'; END $$`.execute(
          sqlDb,
        ),
      ),
    ).toBe("conflict");
  });

  it("timestamps are timestamptz: a Date goes in and comes out as the same instant on both layers", async () => {
    const at = new Date("2026-12-04T23:30:00.123Z");
    const [k] = (await sql<{ t: Date }>`SELECT ${at}::timestamptz AS t`.execute(sqlDb)).rows;
    expect(k.t.toISOString()).toBe(at.toISOString());
    const [p] = await db.$queryRaw<{ t: Date }[]>`SELECT ${at}::timestamptz AS t`;
    expect(p.t.toISOString()).toBe(at.toISOString());
    const [{ zone }] = (await sql<{ zone: string }>`SHOW TimeZone`.execute(sqlDb)).rows.map(
      (r) => ({ zone: (r as unknown as { TimeZone: string }).TimeZone }),
    );
    expect(zone).toBe("UTC");
  });
});
