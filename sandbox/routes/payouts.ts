// Core payouts: create (external_id dedupe: existing → 200 with the original), get, and the
// synchronous Bre-B key resolution.
import { createHash } from "node:crypto";
import type { TMonoBrebKeyType, TMonoBrebTarget } from "../../lib/mono/contract";
import { ADMINISTRATOR, ALL_ROLES, PREPARERS } from "../auth";
import { isTransferBank } from "../banks";
import type { Sandbox } from "../context";
import { createPayout, resolveLedgerAccount, view } from "../engine/payouts";
import { fail } from "../errors";
import { newId } from "../ids";
import { jsonBody, type TRoute } from "../http";
import { ZCreatePayout, ZResolveBreb } from "../schemas";
import { parse } from "../validate";

const KEY_TYPES: [TMonoBrebKeyType, RegExp][] = [
  ["cellphone", /^3\d{9}$/],
  ["merchant_code", /^00\d{8}$/],
  ["alphanumeric", /^@[A-Za-z0-9]{5,20}$/],
  ["email", /^[^\s@]{1,30}@[A-Za-z0-9.-]{1,61}$/],
  ["identification", /^[A-Za-z0-9]{1,18}$/],
];
const NAMES = [
  "María Fernanda Gómez",
  "Juan Camilo Rodríguez",
  "Luisa Martínez Ospina",
  "Andrés Felipe Cárdenas",
  "Valentina Restrepo",
];

/** Deterministic creditor for a key, so the same key always resolves to the same person. */
function resolveKey(value: string): TMonoBrebTarget {
  if (value === "sandbox@key_unknown.err" || value.toLowerCase().includes("notfound")) {
    fail(422, "key_not_found", "The Bre-B key is not registered.", "#/value");
  }
  const type = KEY_TYPES.find(([, re]) => re.test(value))?.[0];
  if (!type) fail(400, "invalid_format", "The value is not a valid Bre-B key.", "#/value");
  const h = createHash("sha256").update(value).digest();
  const digits = (n: number, from: number): string =>
    Array.from({ length: n }, (_, i) => String(h[(from + i) % h.length] % 10)).join("");
  return {
    id: newId("bbtgt"),
    creditor: {
      document_number: "10" + digits(8, 0),
      document_type: "CC",
      full_name: NAMES[h[10] % NAMES.length],
      type: "natural",
    },
    creditor_account: { currency_code: "COP", number: digits(10, 12), type: "savings_account" },
    key_type: type,
    key_value: value,
    payment_id: digits(20, 3),
    resolution_type: "plain_key",
    spbvi: "CRB",
    transaction_amount: null,
  };
}

export function payoutRoutes(sb: Sandbox): TRoute[] {
  return [
    {
      method: "POST",
      pattern: "/v1/core/payouts",
      access: ADMINISTRATOR,
      write: true,
      handler: (ctx) => {
        const input = parse(ZCreatePayout, jsonBody(ctx));
        if (!isTransferBank(input.target.bank_code))
          fail(
            422,
            "item_not_found",
            "Unknown bank_code; see GET /v1/banks.",
            "#/target/bank_code",
          );
        const { status, payout } = createPayout(sb, input);
        if (status === 201) ctx.created.push(payout.id);
        return { status, body: view(payout) };
      },
    },
    {
      method: "GET",
      pattern: "/v1/core/payouts/:id",
      access: ALL_ROLES,
      handler: (ctx) => {
        const p = sb.state.payouts.get(ctx.params.id);
        if (!p) fail(404, "item_not_found", "Item doesn't exist", "#/id");
        return { status: 200, body: view(p) };
      },
    },
    {
      method: "POST",
      pattern: "/v1/core/payouts/co_breb/targets/resolve",
      access: PREPARERS,
      write: true,
      handler: (ctx) => {
        const input = parse(ZResolveBreb, jsonBody(ctx));
        resolveLedgerAccount(sb, input.account_id, "#/account_id");
        return { status: 200, body: resolveKey(input.value) };
      },
    },
  ];
}
