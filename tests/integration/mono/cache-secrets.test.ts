import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  OPERATIONS,
  SECRETS,
  SUPPLIERS,
  expectNoSecrets,
  fastClient,
  recorder,
  requestLogDump,
  sandbox,
} from "./helpers";

let sb: Awaited<ReturnType<typeof sandbox>>;
const rec = recorder();
let client: ReturnType<typeof fastClient>;

beforeAll(async () => {
  sb = await sandbox();
  client = fastClient(sb.url, rec);
});
afterAll(async () => {
  await client.close();
  await sb.close();
  await expectNoSecrets();
});

describe("read caches", () => {
  it("banks are fetched once per kind until invalidated", async () => {
    rec.setPlan(() => null);
    const a = await client.listBanks();
    const b = await client.listBanks({ kind: "transfers" });
    expect(b).toBe(a);
    await client.listBanks({ kind: "pse" });
    expect(rec.sent).toHaveLength(2);
    expect(client.invalidateCache("banks")).toBe(2);
    await client.listBanks();
    expect(rec.sent).toHaveLength(3);
  });

  it("balances are cached per account; live bypasses (and sends live=true); invalidation by id", async () => {
    rec.setPlan(() => null);
    await client.getAccountBalance(OPERATIONS);
    await client.getAccountBalance(OPERATIONS);
    await client.getLedgerBalance(SUPPLIERS);
    await client.getLedgerBalance(SUPPLIERS);
    expect(rec.sent).toHaveLength(2);
    await client.getAccountBalance(OPERATIONS, { live: true });
    expect(rec.sent[2].path).toBe(`/v1/accounts/${OPERATIONS}/balances?live=true`);
    expect(client.invalidateCache("balances", SUPPLIERS)).toBe(1);
    await client.getLedgerBalance(SUPPLIERS);
    await client.getAccountBalance(OPERATIONS);
    expect(rec.sent).toHaveLength(4);
  });

  it("transfers are not cached by default; list filters go out as bracket params", async () => {
    rec.setPlan(() => null);
    const filters = {
      account_id: OPERATIONS,
      page_size: 10,
      sort: { field: "inserted_at" as const, type: "desc" as const },
    };
    await client.listTransfers(filters);
    await client.listTransfers(filters);
    expect(rec.sent).toHaveLength(2);
    expect(decodeURIComponent(rec.sent[0].path)).toContain(
      "sort[field]=inserted_at&sort[type]=desc",
    );
  });

  it("every typed read parses against the sandbox", async () => {
    const ledger = await client.listLedgerAccounts({ page_size: 50 });
    expect(ledger.accounts.some((a) => a.id === SUPPLIERS)).toBe(true);
    const tx = await client.listLedgerTransactions(SUPPLIERS, { page_size: 10 });
    expect(Array.isArray(tx.transactions)).toBe(true);
    const target = await client.resolveBrebTarget(
      { account_id: SUPPLIERS, format: "plain_key", value: "3001234567" },
      { idempotencyKey: crypto.randomUUID() },
    );
    expect(target.key_type).toBe("cellphone");
  });
});

describe("secrets", () => {
  it("no API key appears in any RequestLog row (every text and JSON column)", async () => {
    const dump = await requestLogDump();
    expect(dump.length).toBeGreaterThan(0);
    for (const key of SECRETS) expect(dump.filter((r) => r.includes(key))).toEqual([]);
    // The Authorization header is stored, redacted.
    expect(dump.some((r) => r.includes("Bearer [redacted]"))).toBe(true);
  });
});
