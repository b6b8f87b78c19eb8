import "server-only";
import { getMonoClient } from "../mono";

// Accounts that can fund money movements, with their balances (cached 5 minutes by the client):
// Core ledger subaccounts for payouts, Banking accounts for transfers.
export async function listSourceAccounts() {
  const mono = getMonoClient();
  const [ledger, banking] = await Promise.all([
    mono.listLedgerAccounts({ page_size: 100 }),
    mono.listAccounts({ page_size: 100 }),
  ]);
  const ledgerAccounts = await Promise.all(
    ledger.accounts
      .filter((a) => a.state === "active")
      .map(async (a) => ({
        id: a.id,
        name: a.name ?? a.id,
        kind: "ledger" as const,
        currency: a.currency_code,
        available: (await mono.getLedgerBalance(a.id)).available.amount,
      })),
  );
  const bankAccounts = banking.accounts
    .filter((a) => a.state === "active")
    .map((a) => ({
      id: a.id,
      name: `${a.name} (${a.number.slice(-4)})`,
      kind: "bank" as const,
      currency: a.balance.available.currency,
      available: a.balance.available.amount,
    }));
  return { ledgerAccounts, bankAccounts };
}
