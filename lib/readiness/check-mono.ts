import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { MonoClient } from "../mono";
import { describeMonoError } from "./describe-error";
import type { TCheck } from "./types";

// The dry run against Mono (docs/DESIGN.md P27): list accounts with the key, read
// balances, read the banks list. Each call carries its own trace id so the clock-skew check can
// find the attempt's Date header in the request log afterwards.

export type TReadinessClient = Pick<
  MonoClient,
  "listAccounts" | "listLedgerAccounts" | "getAccountBalance" | "getLedgerBalance" | "listBanks"
>;
const TIMEOUT_MS = 10_000;

async function timed(id: string, title: string, run: () => Promise<string>): Promise<TCheck> {
  const started = performance.now();
  try {
    const detail = await run();
    return { id, title, status: "pass", detail, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      id,
      title,
      status: "fail",
      ...describeMonoError(err),
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
  const credentials = await timed("credentials", "Credentials valid (list accounts)", async () => {
    const [banking, ledger] = await Promise.all([
      client.listAccounts({ page_size: 10 }, { ...opts(), traceId }),
      client.listLedgerAccounts({ page_size: 10 }, opts()),
    ]);
    accountId = banking.accounts.find((a) => a.state === "active")?.id ?? null;
    ledgerId = ledger.accounts.find((a) => a.state === "active")?.id ?? null;
    return `${banking.pagination.total_items} Banking account(s), ${ledger.pagination.total_items} ledger account(s)`;
  });
  if (credentials.status !== "pass") {
    const skipped = (id: string, title: string): TCheck => ({
      id,
      title,
      status: "skip",
      detail: "Not run: the credentials check failed",
    });
    return {
      checks: [
        credentials,
        skipped("balances", "Balances readable"),
        skipped("banks", "Banks list readable"),
      ],
      traceId: null,
    };
  }
  const balances = await timed("balances", "Balances readable", async () => {
    const read: string[] = [];
    if (accountId)
      read.push(
        `${accountId}: ${(await client.getAccountBalance(accountId, { live: true, ...opts() })).available.amount}`,
      );
    if (ledgerId)
      read.push(
        `${ledgerId}: ${(await client.getLedgerBalance(ledgerId, { live: true, ...opts() })).available.amount}`,
      );
    if (read.length === 0) throw new Error("No active account to read a balance from");
    return `Live balances read (minor units) — ${read.join(", ")}`;
  });
  const banks = await timed(
    "banks",
    "Banks list readable",
    async () => `${(await client.listBanks({ kind: "transfers" }, opts())).banks.length} banks`,
  );
  return { checks: [credentials, balances, banks], traceId };
}

/** Compares Mono's Date header with our clock at the middle of the attempt (1 s resolution). */
export async function checkClockSkew(traceId: string | null): Promise<TCheck> {
  const title = "Clock skew";
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
      detail: "No Mono response with a Date header to compare against",
    };
  const skewMs = Date.parse(date) - (row.at.getTime() + row.durationMs / 2);
  const s = Math.abs(skewMs) / 1000;
  const detail = `Our clock is ${s.toFixed(1)} s ${skewMs > 0 ? "behind" : "ahead of"} Mono's`;
  const fix =
    "Enable NTP (chrony / systemd-timesyncd) on the host: signatures allow 300 s, and idempotency windows depend on time.";
  if (s >= 60) return { id: "clock", title, status: "fail", detail, fix };
  if (s >= 5) return { id: "clock", title, status: "warn", detail, fix };
  return { id: "clock", title, status: "pass", detail };
}
