import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { MonoClient } from "../mono";
import { moneyParam } from "../api/error-params";
import { describeMonoError } from "./describe-error";
import { SIGNATURE_TOLERANCE_SEC } from "./webhook-signature";
import type { TCheck } from "./types";
import { CHECK_TITLES, detailOf, fixOf, type TCheckId, type TDetail, type TFix } from "./words";

// The dry run against Mono (docs/DESIGN.md P27): list accounts with the key, read
// balances, read the banks list. Each call carries its own trace id so the clock-skew check can
// find the attempt's Date header in the request log afterwards.

export type TReadinessClient = Pick<
  MonoClient,
  "listAccounts" | "listLedgerAccounts" | "getAccountBalance" | "getLedgerBalance" | "listBanks"
>;
const TIMEOUT_MS = 10_000;

// Mono answered, but there is no active account to read a balance from.
class NoActiveAccountError extends Error {
  constructor() {
    super("No active account to read a balance from");
  }
}
function describeFailure(err: unknown): TDetail & TFix {
  if (err instanceof NoActiveAccountError)
    return { ...detailOf("noActiveAccount"), ...fixOf("activateAccount") };
  return describeMonoError(err);
}

async function timed(id: TCheckId, run: () => Promise<TDetail>): Promise<TCheck> {
  const title = CHECK_TITLES[id];
  const started = performance.now();
  try {
    const detail = await run();
    return { id, title, status: "pass", ...detail, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      id,
      title,
      status: "fail",
      ...describeFailure(err),
      ms: Math.round(performance.now() - started),
    };
  }
}

export async function checkMono(
  client: TReadinessClient,
): Promise<{ checks: TCheck[]; traceId: string | null }> {
  const traceId = randomBytes(16).toString("hex");
  const opts = () => ({ signal: AbortSignal.timeout(TIMEOUT_MS) });
  let accountId: string | null = null;
  let ledgerId: string | null = null;
  const credentials = await timed("credentials", async () => {
    const [banking, ledger] = await Promise.all([
      client.listAccounts({ page_size: 10 }, { ...opts(), traceId }),
      client.listLedgerAccounts({ page_size: 10 }, opts()),
    ]);
    accountId = banking.accounts.find((a) => a.state === "active")?.id ?? null;
    ledgerId = ledger.accounts.find((a) => a.state === "active")?.id ?? null;
    return detailOf("accountsListed", {
      banking: banking.pagination.total_items,
      ledger: ledger.pagination.total_items,
    });
  });
  if (credentials.status !== "pass") {
    const skipped = (id: TCheckId): TCheck => ({
      id,
      title: CHECK_TITLES[id],
      status: "skip",
      ...detailOf("notRunCredentials"),
    });
    return { checks: [credentials, skipped("balances"), skipped("banks")], traceId: null };
  }
  const balances = await timed("balances", async () => {
    const account = accountId
      ? (await client.getAccountBalance(accountId, { live: true, ...opts() })).available
      : null;
    const ledger = ledgerId
      ? (await client.getLedgerBalance(ledgerId, { live: true, ...opts() })).available
      : null;
    // Amounts go out in minor units with their currency: the browser shows them as money.
    const a = account && moneyParam(account.amount, account.currency);
    const l = ledger && moneyParam(ledger.amount, ledger.currency);
    if (accountId && a && ledgerId && l)
      return detailOf("balancesRead", { accountId, account: a, ledgerId, ledger: l });
    if (accountId && a) return detailOf("accountBalanceRead", { accountId, account: a });
    if (ledgerId && l) return detailOf("ledgerBalanceRead", { ledgerId, ledger: l });
    throw new NoActiveAccountError();
  });
  const banks = await timed("banks", async () =>
    detailOf("banksListed", {
      count: (await client.listBanks({ kind: "transfers" }, opts())).banks.length,
    }),
  );
  return { checks: [credentials, balances, banks], traceId };
}

/** Compares Mono's Date header with our clock at the middle of the attempt (1 s resolution). */
export async function checkClockSkew(traceId: string | null): Promise<TCheck> {
  const title = CHECK_TITLES.clock;
  const row = traceId
    ? await db.requestLog.findFirst({
        where: { traceId, status: { not: null } },
        orderBy: { id: "desc" },
        select: { at: true, durationMs: true, responseHeaders: true },
      })
    : null;
  const date = (row?.responseHeaders as Record<string, string> | null)?.date;
  if (!row || !date || Number.isNaN(Date.parse(date)))
    return {
      id: "clock",
      title,
      status: "skip",
      ...detailOf("clockNoDate"),
    };
  const skewMs = Date.parse(date) - (row.at.getTime() + row.durationMs / 2);
  const s = Math.abs(skewMs) / 1000;
  const detail = detailOf(skewMs > 0 ? "clockBehind" : "clockAhead", {
    skewMs: Math.round(Math.abs(skewMs)),
  });
  const fix = fixOf("clockNtp", { toleranceMs: SIGNATURE_TOLERANCE_SEC * 1000 });
  if (s >= 60) return { id: "clock", title, status: "fail", ...detail, ...fix };
  if (s >= 5) return { id: "clock", title, status: "warn", ...detail, ...fix };
  return { id: "clock", title, status: "pass", ...detail };
}
