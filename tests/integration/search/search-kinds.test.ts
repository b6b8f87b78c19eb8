import { beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { LEDGER_ACCOUNT, BANK_ACCOUNT } from "@/tests/support/operations";
import * as searchRoute from "@/app/api/search/route";
import { everyIdKind } from "./fixtures";

type THit = { kind: string; id: string; href: string | null; matchedOn: string };
type TResult = {
  recognised: { ok: boolean; kind?: string; reason?: string };
  hits: THit[];
  account: null | {
    id: string;
    balance: { available: number } | null;
    recentOperations: { id: string }[];
  };
  notes: string[];
};

let viewer: TTestUser;
let f: Awaited<ReturnType<typeof everyIdKind>>;

async function search(q: string): Promise<TResult> {
  const r = await callRoute(searchRoute.GET, {
    user: viewer,
    path: `/api/search?q=${encodeURIComponent(q)}`,
  });
  expect(r.status).toBe(200);
  return r.json as unknown as TResult;
}
const opHit = (r: TResult, id: string) => r.hits.find((h) => h.kind === "operation" && h.id === id);

beforeAll(async () => {
  viewer = (await makeUser({ role: "viewer" })).user;
  f = await everyIdKind();
});

describe("search: every id kind leads to its operation", () => {
  it("our request id → the request and its operation", async () => {
    const r = await search(f.attempts[0].requestId);
    expect(r.recognised.kind).toBe("request_id");
    expect(r.hits[0]).toMatchObject({
      kind: "request",
      id: f.attempts[0].requestId,
      href: `/requests/${f.attempts[0].requestId}`,
      matchedOn: "RequestLog.requestId",
    });
    expect(opHit(r, f.payout.id)).toBeTruthy();
  });

  it("Mono log_ id → the attempt and its operation", async () => {
    const r = await search(f.attempts[1].monoLogId!);
    expect(r.recognised.kind).toBe("mono_log_id");
    expect(r.hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([f.attempts[1].requestId, f.payout.id]),
    );
  });

  it("idempotency key (any case) → the key inspector and the operation; a console write key → the inspector", async () => {
    const r = await search(f.payout.idempotencyKey.toUpperCase());
    expect(r.hits).toContainEqual(
      expect.objectContaining({
        kind: "idempotency_key",
        href: `/idempotency/${f.payout.idempotencyKey}`,
      }),
    );
    expect(opHit(r, f.payout.id)?.matchedOn).toBe("Operation.idempotencyKey");
    const inbound = await search(f.inboundKey);
    expect(inbound.hits[0]).toMatchObject({
      kind: "idempotency_key",
      matchedOn: "InboundRequest.key",
    });
  });

  it("op_, cpout_, bat_ and trn_ ids", async () => {
    expect(opHit(await search(f.payout.id), f.payout.id)?.matchedOn).toBe("Operation.id");
    expect(opHit(await search(f.payout.monoId!), f.payout.id)?.matchedOn).toBe("Operation.monoId");
    expect(opHit(await search(f.batch.monoId!), f.batch.id)?.matchedOn).toBe("Operation.monoId");
    const trn = await search(f.items[1].monoTransferId!);
    expect(trn.recognised.kind).toBe("transfer_id");
    expect(opHit(trn, f.batch.id)?.matchedOn).toBe("OperationItem.monoTransferId (row 2)");
  });

  it("external ids (operation and transfer row) and ticket references", async () => {
    expect(opHit(await search(f.payout.externalId), f.payout.id)?.matchedOn).toBe(
      "Operation.externalId",
    );
    expect(opHit(await search(f.items[0].externalId), f.batch.id)?.matchedOn).toBe(
      "OperationItem.externalId (row 1)",
    );
    const ref = await search(f.payout.ticketRef!);
    expect(ref.recognised.kind).toBe("reference");
    expect(opHit(ref, f.payout.id)?.matchedOn).toBe("Operation.ticketRef");
  });

  it("acc_ and lacc_ ids show the account: balance from Mono and recent operations", async () => {
    const ledger = await search(LEDGER_ACCOUNT);
    expect(ledger.account?.balance?.available).toBeGreaterThan(0);
    expect(ledger.account?.recentOperations.map((o) => o.id)).toContain(f.payout.id);
    const bank = await search(BANK_ACCOUNT);
    expect(bank.account?.recentOperations.map((o) => o.id)).toContain(f.batch.id);
  });

  it("an id that exists only at Mono is explained; unknown and malformed ids say so", async () => {
    const unknown = await search("op_0000000000000000000000");
    expect(unknown).toMatchObject({ recognised: { ok: true, kind: "operation_id" }, hits: [] });
    const malformed = await search("cpout_123");
    expect(malformed.recognised).toMatchObject({ ok: false });
    expect(malformed.recognised.reason).toMatch(/22 characters/);
    const absent = await search("cpout_0000000000000000000000");
    expect(absent.hits).toEqual([]);
  });

  it("is refused to the signed-out", async () => {
    expect((await callRoute(searchRoute.GET, { path: "/api/search?q=op_x" })).status).toBe(401);
  });
});
