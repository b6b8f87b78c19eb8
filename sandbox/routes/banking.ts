// Banking reads: accounts, account balances, banks.
import type { TMonoAccount, TMonoAccountBalance, TMonoBankList } from "../../lib/mono/contract";
import { ALL_ROLES } from "../auth";
import { PSE_BANKS, TRANSFER_BANKS } from "../banks";
import type { Sandbox } from "../context";
import { fail } from "../errors";
import type { TRoute } from "../http";
import { bool, oneOf, page, paginate } from "../query";

function copyAccount(a: TMonoAccount): TMonoAccount {
  return {
    ...a,
    balance: { available: { ...a.balance.available }, updated_at: a.balance.updated_at },
  };
}

export function bankingRoutes(sb: Sandbox): TRoute[] {
  return [
    {
      method: "GET",
      pattern: "/v1/accounts",
      access: ALL_ROLES,
      handler: (ctx) => {
        const p = page(ctx.query);
        const all = [...sb.state.accounts.values()].sort(
          (a, b) => b.inserted_at.localeCompare(a.inserted_at) || a.id.localeCompare(b.id),
        );
        const { items, pagination } = paginate(all, p);
        return { status: 200, body: { accounts: items.map(copyAccount), pagination } };
      },
    },
    {
      method: "GET",
      pattern: "/v1/accounts/:id/balances",
      access: ALL_ROLES,
      handler: (ctx) => {
        bool(ctx.query.get("live"), "live"); // validated; the sandbox's balance is always live
        const a = sb.state.accounts.get(ctx.params.id);
        if (!a) fail(404, "item_not_found", "Item doesn't exist", "#/account_id");
        const body: TMonoAccountBalance = {
          id: a.id,
          available: { ...a.balance.available },
          inserted_at: a.inserted_at,
          updated_at: a.balance.updated_at,
        };
        return { status: 200, body };
      },
    },
    {
      method: "GET",
      pattern: "/v1/banks",
      access: ALL_ROLES,
      handler: (ctx) => {
        const kind =
          oneOf(ctx.query.get("kind"), ["transfers", "pse"] as const, "kind") ?? "transfers";
        const body: TMonoBankList = { kind, banks: kind === "pse" ? PSE_BANKS : TRANSFER_BANKS };
        return { status: 200, body };
      },
    },
  ];
}
