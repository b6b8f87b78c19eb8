import "server-only";
import { getMonoClient } from "../mono";
import { MonoApiError } from "../mono/errors";
import { AppError } from "../api/app-error";
import { consoleFieldError, consoleWords } from "../api/console-words";

// The balance pre-check reads Mono, the source of truth (cached 5 minutes by the client, and
// invalidated by webhooks). Ledger subaccounts (lacc_) fund payouts; bank accounts (acc_) fund transfers.
export async function readAvailableBalance(accountId: string): Promise<bigint> {
  try {
    if (accountId.startsWith("lacc_"))
      return BigInt((await getMonoClient().getLedgerBalance(accountId)).available.amount);
    return BigInt((await getMonoClient().getAccountBalance(accountId)).available.amount);
  } catch (err) {
    if (err instanceof MonoApiError && (err.status === 404 || err.status === 422)) {
      throw AppError.worded(
        "unprocessable",
        consoleWords("unknown_source_account", { account: accountId }),
        { errors: [consoleFieldError("/sourceAccountId", "unknown_at_mono", {})] },
      );
    }
    throw err;
  }
}
