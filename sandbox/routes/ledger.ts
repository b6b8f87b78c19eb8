// Core ledger reads: accounts, balances (available / pending), transactions.
import type {
  TMonoLedgerAccount,
  TMonoLedgerBalance,
  TMonoLedgerOperationType,
  TMonoLedgerOrigin,
  TMonoLedgerTransaction,
} from "../../lib/mono/contract";
import { ALL_ROLES } from "../auth";
import type { Sandbox } from "../context";
import { fail } from "../errors";
import type { TCtx, TResult, TRoute } from "../http";
import { bool, multi, oneOf, page, paginate, range, sort } from "../query";
import { omit } from "../omit";
import type { TLedgerAccountRec } from "../state";

const OPS: readonly TMonoLedgerOperationType[] = ["credit", "debit", "hold", "release"];
const ORIGINS: readonly TMonoLedgerOrigin[] = [
  "card_transaction",
  "card_presentment_payment",
  "subaccount_operation",
  "payout",
  "fee",
  "synced_bank_transaction",
];

export function ledgerView(a: TLedgerAccountRec): TMonoLedgerAccount {
  const pub = omit(a, ["available", "pending"]);
  return { ...pub, metadata: { ...pub.metadata } };
}

function account(sb: Sandbox, ctx: TCtx): TLedgerAccountRec {
  const a = sb.state.ledgerAccounts.get(ctx.params.id);
  if (!a) fail(404, "item_not_found", "Item doesn't exist", "#/account_id");
  return a;
}

function listAccounts(sb: Sandbox, ctx: TCtx): TResult {
  const q = ctx.query;
  const p = page(q);
  const types = multi(q, "type");
  const holders = multi(q, "holder");
  const currencies = multi(q, "currency_code");
  const states = multi(q, "state");
  const nickname = q.get("nickname");
  const inserted = range(q, "inserted_at");
  const all = [...sb.state.ledgerAccounts.values()]
    .filter(
      (a) =>
        (types.length === 0 || types.includes(a.type)) &&
        (holders.length === 0 || holders.includes(a.holder_id)) &&
        (currencies.length === 0 || currencies.includes(a.currency_code)) &&
        (states.length === 0 || states.includes(a.state)) &&
        (nickname === null || (a.name ?? "").toLowerCase().includes(nickname.toLowerCase())) &&
        (inserted === null ||
          (Date.parse(a.inserted_at) >= inserted.from &&
            Date.parse(a.inserted_at) <= inserted.until)),
    )
    .sort((a, b) => b.inserted_at.localeCompare(a.inserted_at) || a.id.localeCompare(b.id));
  const { items, pagination } = paginate(all, p);
  return { status: 200, body: { accounts: items.map(ledgerView), pagination } };
}

function listTransactions(sb: Sandbox, ctx: TCtx): TResult {
  const a = account(sb, ctx);
  const q = ctx.query;
  const p = page(q);
  const op = oneOf(q.get("operation_type"), OPS, "operation_type");
  const origin = oneOf(q.get("origin"), ORIGINS, "origin");
  const excludeReversed = bool(q.get("exclude_reversed"), "exclude_reversed") ?? false;
  const at = range(q, "transaction_at");
  const originAt = range(q, "origin_transaction_at");
  const s = sort(q, ["transaction_at", "inserted_at", "amount"] as const, "transaction_at");
  const rows = (sb.state.ledgerTx.get(a.id) ?? []).filter(
    (t) =>
      (op === null || t.operation_type === op) &&
      (origin === null || t.origin === origin) &&
      (!excludeReversed || t.reverted_by === null) &&
      (at === null ||
        (Date.parse(t.transaction_at) >= at.from && Date.parse(t.transaction_at) <= at.until)) &&
      (originAt === null ||
        (Date.parse(t.origin_transaction_at) >= originAt.from &&
          Date.parse(t.origin_transaction_at) <= originAt.until)),
  );
  const dir = s.type === "asc" ? 1 : -1;
  const key = (t: TMonoLedgerTransaction): number | string =>
    s.field === "amount" ? t.amount.amount : t[s.field];
  const indexed = rows.map((t, i) => ({ t, i }));
  indexed.sort((x, y) => {
    const kx = key(x.t);
    const ky = key(y.t);
    return (kx < ky ? -1 : kx > ky ? 1 : x.i - y.i) * dir;
  });
  const { items, pagination } = paginate(
    indexed.map((x) => x.t),
    p,
  );
  return { status: 200, body: { transactions: items, pagination } };
}

export function ledgerRoutes(sb: Sandbox): TRoute[] {
  return [
    {
      method: "GET",
      pattern: "/v1/ledger/accounts",
      access: ALL_ROLES,
      handler: (ctx) => listAccounts(sb, ctx),
    },
    {
      method: "GET",
      pattern: "/v1/ledger/accounts/:id",
      access: ALL_ROLES,
      handler: (ctx) => ({ status: 200, body: ledgerView(account(sb, ctx)) }),
    },
    {
      method: "GET",
      pattern: "/v1/ledger/accounts/:id/balances",
      access: ALL_ROLES,
      handler: (ctx) => {
        const a = account(sb, ctx);
        const body: TMonoLedgerBalance = {
          available: { amount: a.available, currency: a.currency_code },
          pending: { amount: a.pending, currency: a.currency_code },
        };
        return { status: 200, body };
      },
    },
    {
      method: "GET",
      pattern: "/v1/ledger/accounts/:id/transactions",
      access: ALL_ROLES,
      handler: (ctx) => listTransactions(sb, ctx),
    },
    {
      method: "GET",
      pattern: "/v1/ledger/accounts/:id/transactions/:tx",
      access: ALL_ROLES,
      handler: (ctx) => {
        const a = account(sb, ctx);
        const tx = (sb.state.ledgerTx.get(a.id) ?? []).find((t) => t.id === ctx.params.tx);
        if (!tx) fail(404, "item_not_found", "Item doesn't exist", "#/id");
        return { status: 200, body: tx };
      },
    },
  ];
}
