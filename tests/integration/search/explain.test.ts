import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_ACCOUNT } from "@/tests/support/operations";
import { installCapturingClients } from "@/tests/support/explain-capture";

// Every statement a search runs is EXPLAINed with sequential scans disabled
// (tests/support/explain-capture.ts): if any plan still scans a table, no index serves it.
let capture: Awaited<ReturnType<typeof installCapturingClients>>;
let searchById: typeof import("@/lib/search/search-by-id").searchById;
let f: Awaited<ReturnType<typeof import("./fixtures").everyIdKind>>;

beforeAll(async () => {
  capture = await installCapturingClients();
  ({ searchById } = await import("@/lib/search/search-by-id"));
  f = await (await import("./fixtures")).everyIdKind();
});
afterAll(async () => {
  await capture.close();
});

const plansOf = (q: string) => capture.plansOf(() => searchById(q, { mono: false }));
const seqScans = (text: string, params: unknown[]) => capture.seqScans(text, params);

describe("every search lookup is an indexed equality", () => {
  it("the check itself catches a lookup no index serves", async () => {
    expect(await seqScans(`SELECT id FROM "Operation" WHERE reason = $1`, ["x"])).toEqual([
      "Operation",
    ]);
    // RequestLog is partitioned by day: a scan shows as scans of its partitions.
    const scans = await seqScans(`SELECT id FROM "RequestLog" WHERE path LIKE $1`, ["%cpout_%"]);
    expect(scans.length).toBeGreaterThan(0);
    for (const t of scans) expect(t).toMatch(/^RequestLog_(default|p\d{8})$/);
  });

  it("sees the lookups' own statements (Kysely's, not only Prisma's)", async () => {
    const sqls = (await plansOf(f.attempts[0].requestId)).map((p) => p.sql);
    expect(sqls.some((q) => /from "RequestLog" where "requestId" = \$1/i.test(q))).toBe(true);
  });

  const cases: [string, () => string][] = [
    ["request id", () => f.attempts[0].requestId],
    ["log_ id", () => f.attempts[0].monoLogId!],
    ["idempotency key", () => f.payout.idempotencyKey],
    ["console write key", () => f.inboundKey],
    ["op_ id", () => f.payout.id],
    ["cpout_ id", () => f.payout.monoId!],
    ["bat_ id", () => f.batch.monoId!],
    ["trn_ id", () => f.items[0].monoTransferId!],
    ["external id", () => f.payout.externalId],
    ["reference", () => f.payout.ticketRef!],
    ["lacc_ id", () => LEDGER_ACCOUNT],
    ["unknown cpout_ (webhook fallback)", () => "cpout_0000000000000000000000"],
  ];
  for (const [name, id] of cases) {
    it(name, async () => {
      for (const p of await plansOf(id())) expect(p.scans, p.sql).toEqual([]);
    });
  }
});
