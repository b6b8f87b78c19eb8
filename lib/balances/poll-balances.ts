import "server-only";
import { db, sqlDb } from "../db";
import { logger } from "../logger";
import { getMonoClient, type MonoClient } from "../mono";

// The balance poller (every 1–5 minutes): lists Banking and ledger accounts, reads
// each live balance and stores a snapshot. Idempotent in effect: running twice just adds a second
// snapshot a moment later. One unreadable account never stops the others.

export type TBalanceClient = Pick<
  MonoClient,
  "listAccounts" | "listLedgerAccounts" | "getAccountBalance" | "getLedgerBalance"
>;
type TTarget = {
  id: string;
  kind: "banking" | "ledger";
  name: string;
  currency: string;
  state: string;
};
export type TPollResult = { polled: number; failed: { id: string; error: string }[] };

const PAGE_SIZE = 100;

async function listTargets(client: TBalanceClient): Promise<TTarget[]> {
  const out: TTarget[] = [];
  for (let page = 1; ; page++) {
    const r = await client.listAccounts({ page_number: page, page_size: PAGE_SIZE });
    out.push(
      ...r.accounts.map((a) => ({
        id: a.id,
        kind: "banking" as const,
        name: a.name,
        currency: a.balance.available.currency,
        state: a.state,
      })),
    );
    if (page >= r.pagination.total_pages) break;
  }
  for (let page = 1; ; page++) {
    const r = await client.listLedgerAccounts({ page_number: page, page_size: PAGE_SIZE });
    out.push(
      ...r.accounts.map((a) => ({
        id: a.id,
        kind: "ledger" as const,
        name: a.name ?? a.id,
        currency: a.currency_code,
        state: a.state,
      })),
    );
    if (page >= r.pagination.total_pages) break;
  }
  return out;
}

async function readBalance(
  client: TBalanceClient,
  t: TTarget,
): Promise<{ available: bigint; pending: bigint; currency: string }> {
  // live: a floor decision must not come from a 5-minute-old cached balance.
  if (t.kind === "banking") {
    const b = await client.getAccountBalance(t.id, { live: true });
    return { available: BigInt(b.available.amount), pending: 0n, currency: b.available.currency };
  }
  const b = await client.getLedgerBalance(t.id, { live: true });
  return {
    available: BigInt(b.available.amount),
    pending: BigInt(b.pending.amount),
    currency: b.available.currency,
  };
}

export async function pollBalances(
  o: { client?: TBalanceClient; now?: Date } = {},
): Promise<TPollResult> {
  const client = o.client ?? getMonoClient();
  const targets = await listTargets(client);
  const result: TPollResult = { polled: 0, failed: [] };
  for (const t of targets) {
    const at = o.now ?? new Date();
    const base = { kind: t.kind, name: t.name, currency: t.currency, state: t.state };
    if (t.state === "canceled") {
      await db.monitoredAccount.upsert({
        where: { id: t.id },
        create: { id: t.id, ...base },
        update: base,
      });
      continue;
    }
    try {
      const b = await readBalance(client, t);
      // The snapshot and the account's "last polled" commit together.
      await sqlDb.transaction().execute(async (trx) => {
        await trx
          .insertInto("BalanceSnapshot")
          .values({
            accountId: t.id,
            available: b.available,
            pending: b.pending,
            currency: b.currency,
            at,
          })
          .execute();
        await trx
          .insertInto("MonitoredAccount")
          .values({ id: t.id, ...base, lastPolledAt: at, updatedAt: new Date() })
          .onConflict((oc) =>
            oc
              .column("id")
              .doUpdateSet({ ...base, lastPolledAt: at, lastError: null, updatedAt: new Date() }),
          )
          .execute();
      });
      result.polled++;
    } catch (err) {
      const error = err instanceof Error ? err.message.slice(0, 300) : "unknown error";
      logger.warn({ accountId: t.id, err }, "balance poll failed");
      await db.monitoredAccount.upsert({
        where: { id: t.id },
        create: { id: t.id, ...base, lastError: error },
        update: { ...base, lastError: error },
      });
      result.failed.push({ id: t.id, error });
    }
  }
  return result;
}
