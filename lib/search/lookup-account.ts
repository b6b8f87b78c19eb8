import "server-only";
import { db } from "../db";
import { getMonoClient } from "../mono";

export type TAccountView = {
  id: string;
  kind: "banking" | "ledger";
  name: string | null;
  balance: { available: number; pending: number | null; currency: string } | null;
  balanceError: string | null;
  recentOperations: {
    id: string;
    kind: string;
    state: string;
    amount: bigint;
    currency: string;
    createdAt: Date;
    monoId: string | null;
  }[];
};

// An acc_/lacc_ id shows the account: its balance from Mono (the client's 5-minute cache, so a
// search does not hammer Mono) and the latest operations sent from it (index sourceAccountId, createdAt).
export async function lookupAccount(
  id: string,
  kind: "account_id" | "ledger_account_id",
  o: { mono?: boolean } = {},
): Promise<TAccountView> {
  const [monitored, recentOperations] = await Promise.all([
    db.monitoredAccount.findUnique({ where: { id }, select: { name: true } }),
    db.operation.findMany({
      where: { sourceAccountId: id },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: {
        id: true,
        kind: true,
        state: true,
        amount: true,
        currency: true,
        createdAt: true,
        monoId: true,
      },
    }),
  ]);
  const view: TAccountView = {
    id,
    kind: kind === "account_id" ? "banking" : "ledger",
    name: monitored?.name ?? null,
    balance: null,
    balanceError: null,
    recentOperations,
  };
  if (o.mono === false) return view;
  try {
    const mono = getMonoClient();
    const signal = AbortSignal.timeout(5_000);
    if (kind === "account_id") {
      const b = await mono.getAccountBalance(id, { signal });
      view.balance = {
        available: b.available.amount,
        pending: null,
        currency: b.available.currency,
      };
    } else {
      const b = await mono.getLedgerBalance(id, { signal });
      view.balance = {
        available: b.available.amount,
        pending: b.pending.amount,
        currency: b.available.currency,
      };
    }
  } catch (err) {
    view.balanceError = describeMonoError(err);
  }
  return view;
}

export function describeMonoError(err: unknown): string {
  const e = err as {
    name?: string;
    status?: number;
    errorCode?: string | null;
    logId?: string | null;
  };
  if (e?.name === "MonoApiError")
    return e.status === 404
      ? "Mono does not know this account"
      : `Mono answered ${e.status}${e.errorCode ? ` ${e.errorCode}` : ""}${e.logId ? ` (${e.logId})` : ""}`;
  if (e?.name === "MonoCircuitOpenError") return "Mono is unreachable right now (circuit open)";
  return "Mono could not be reached";
}
