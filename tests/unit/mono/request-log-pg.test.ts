import { describe, expect, it } from "vitest";
import { insertStatement } from "@/lib/mono/request-log-pg";
import { requestLogRow } from "@/tests/support/request-log-row";

const row = (i: number) => requestLogRow({ requestId: `req_${i}` });

describe("group-commit INSERT", () => {
  it("sends the batch as one JSON parameter, with the same statement text for any batch size", () => {
    const one = insertStatement([row(1)]);
    const two = insertStatement([row(1), row(2)]);
    expect(two.text).toBe(one.text);
    expect(two.values).toHaveLength(1);
    expect(two.text).toContain('INSERT INTO "RequestLog" ("requestId", "monoLogId"');
    expect(two.text).toContain("json_to_recordset($1::json)");
    expect(two.text).toContain('"responseBody" json');
    const sent = JSON.parse(two.values[0] as string);
    expect(sent).toHaveLength(2);
    expect(sent[0].responseBody).toEqual({ ok: true });
    expect(sent[0].requestBody).toBeNull();
    expect(sent[0].at).toBe("2026-11-22T12:00:00.000Z");
    expect(sent[1].requestId).toBe("req_2");
  });
});
