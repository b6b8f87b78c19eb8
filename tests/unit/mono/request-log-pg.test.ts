import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import { describe, expect, it } from "vitest";
import type { DB } from "@/generated/kysely/types";
import { insertStatement } from "@/lib/mono/request-log-pg";
import { requestLogRow } from "@/tests/support/request-log-row";

const row = (i: number) => requestLogRow({ requestId: `req_${i}` });

// Compiles without a database: PostgreSQL's dialect on a driver that never connects.
const cold = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe("group-commit INSERT", () => {
  it("sends the batch as one JSON parameter, with the same statement text for any batch size", () => {
    const one = insertStatement([row(1)]).compile(cold);
    const two = insertStatement([row(1), row(2)]).compile(cold);
    expect(two.sql).toBe(one.sql);
    expect(two.parameters).toHaveLength(1);
    expect(two.sql).toContain('INSERT INTO "RequestLog" ("requestId", "monoLogId"');
    expect(two.sql).toContain("json_to_recordset($1::json)");
    expect(two.sql).toContain('"responseBody" json');
    expect(two.sql).toContain('"at" timestamptz');
    const sent = JSON.parse(two.parameters[0] as string);
    expect(sent).toHaveLength(2);
    expect(sent[0].responseBody).toEqual({ ok: true });
    expect(sent[0].requestBody).toBeNull();
    expect(sent[0].at).toBe("2026-11-22T12:00:00.000Z");
    expect(sent[1].requestId).toBe("req_2");
  });
});
