// The test-only admin surface under /_sandbox/ (registered only with adminEnabled): state,
// clock, accounts and balances. Inspection and actions live in admin-inspect.ts / admin-actions.ts.
import { z } from "zod";
import type { TMonoAccountCreditedData } from "../../lib/mono/contract";
import type { TTask } from "../clock";
import type { Sandbox } from "../context";
import { setAvailable } from "../engine/ledger";
import { fail } from "../errors";
import { jsonBody, type TCtx, type TRoute } from "../http";
import { newId } from "../ids";
import { createAccount, createLedgerAccount, seedDefaults } from "../seed";
import { SandboxState } from "../state";
import { CURRENCIES, parse } from "../validate";
import { adminActionRoutes } from "./admin-actions";
import { adminInspectRoutes } from "./admin-inspect";
import { ledgerView } from "./ledger";

const ZReset = z.object({ seed: z.boolean().optional() });
const ZAdvance = z.object({
  ms: z.number().nonnegative().optional(),
  seconds: z.number().nonnegative().optional(),
});
const ZRunPending = z.object({
  kinds: z.array(z.enum(["batch", "transfer", "payout", "webhook"])).optional(),
});
const ZAccount = z.object({
  id: z
    .string()
    .regex(/^acc_[0-9A-Za-z]{22}$/)
    .optional(),
  name: z.string().min(1).default("Cuenta sandbox"),
  number: z
    .string()
    .regex(/^\d{6,20}$/)
    .optional(),
  balance: z.number().int().nonnegative().default(0),
  state: z.enum(["active", "canceled"]).default("active"),
});
const ZAmount = z.object({ amount: z.number().int() });
const ZCredit = z.object({
  amount: z.number().int().positive(),
  type: z.enum(["bank_transfer_mono", "incoming_wire"]).default("incoming_wire"),
  description: z.string().nullish(),
});
const ZLedgerAccount = z.object({
  id: z
    .string()
    .regex(/^lacc_[0-9A-Za-z]{22}$/)
    .optional(),
  name: z.string().min(1).default("Subcuenta sandbox"),
  currency_code: z.enum(CURRENCIES).default("COP"),
  available: z.number().int().nonnegative().default(0),
  state: z.enum(["active", "blocked"]).default("active"),
});
const ZAvailable = z.object({ available: z.number().int() });
const ZLedgerState = z.object({
  state: z.enum(["active", "blocked", "canceled"]),
  reason: z.string().nullish(),
});

/** Admin bodies are optional JSON: an empty body means {}. */
export function adminBody(ctx: TCtx): unknown {
  return ctx.rawBody.trim() === "" ? {} : jsonBody(ctx);
}

export function adminRoutes(sb: Sandbox, opts: { seedOnReset: boolean }): TRoute[] {
  const r = (method: TRoute["method"], pattern: string, handler: TRoute["handler"]): TRoute => ({
    method,
    pattern: `/_sandbox${pattern}`,
    access: "admin",
    handler,
  });
  return [
    r("POST", "/reset", (ctx) => {
      const body = parse(ZReset, adminBody(ctx));
      sb.clock.clear();
      sb.state = new SandboxState();
      if (body.seed ?? opts.seedOnReset) seedDefaults(sb);
      sb.onChange();
      return { status: 200, body: { ok: true } };
    }),
    r("GET", "/clock", () => ({
      status: 200,
      body: {
        now: sb.nowIso(),
        offset_ms: sb.clock.offset,
        time_scale: sb.timeScale,
        pending_tasks: sb.pendingTasks().length,
      },
    })),
    r("POST", "/clock/advance", (ctx) => {
      const b = parse(ZAdvance, adminBody(ctx));
      const ms = (b.ms ?? 0) + (b.seconds ?? 0) * 1000;
      sb.clock.advance(ms);
      sb.onChange();
      return {
        status: 200,
        body: {
          now: sb.nowIso(),
          offset_ms: sb.clock.offset,
          pending_tasks: sb.pendingTasks().length,
        },
      };
    }),
    r("POST", "/run_pending", (ctx) => {
      const kinds = parse(ZRunPending, adminBody(ctx)).kinds ?? ["batch", "transfer", "payout"];
      const ran = sb.clock.runAll((t: TTask) => (kinds as string[]).includes(t.kind));
      return { status: 200, body: { ran, pending_tasks: sb.pendingTasks().length } };
    }),
    r("POST", "/accounts", (ctx) => {
      const b = parse(ZAccount, adminBody(ctx));
      const id = b.id ?? newId("acc");
      if (sb.state.accounts.has(id))
        fail(409, "validation_error", "The account already exists.", "#/id");
      const acc = createAccount(sb, {
        id,
        name: b.name,
        number: b.number ?? String(3100000000 + sb.state.accounts.size * 7919),
        pesos: 0,
        state: b.state,
      });
      acc.balance.available.amount = b.balance;
      sb.onChange();
      return { status: 201, body: acc };
    }),
    r("POST", "/accounts/:id/balance", (ctx) => {
      const acc =
        sb.state.accounts.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      const b = parse(ZAmount, adminBody(ctx));
      acc.balance.available.amount = b.amount;
      acc.balance.updated_at = acc.updated_at = sb.nowIso();
      sb.onChange();
      return { status: 200, body: acc };
    }),
    r("POST", "/accounts/:id/credit", (ctx) => {
      const acc =
        sb.state.accounts.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      const b = parse(ZCredit, adminBody(ctx));
      acc.balance.available.amount += b.amount;
      acc.balance.updated_at = acc.updated_at = sb.nowIso();
      const data: TMonoAccountCreditedData = {
        id: newId("trn"),
        account_id: acc.id,
        amount: { amount: b.amount, currency: "COP" },
        type: b.type,
        description: b.description ?? null,
        extra: {},
        inserted_at: sb.nowIso(),
      };
      sb.webhooks.emit("account_credited", data, acc.id);
      sb.onChange();
      return { status: 200, body: { account: acc, credit: data } };
    }),
    r("POST", "/ledger/accounts", (ctx) => {
      const b = parse(ZLedgerAccount, adminBody(ctx));
      const id = b.id ?? newId("lacc");
      if (sb.state.ledgerAccounts.has(id))
        fail(409, "validation_error", "The ledger account already exists.", "#/id");
      const acc = createLedgerAccount(sb, {
        id,
        name: b.name,
        pesos: 0,
        currency: b.currency_code,
        blocked: b.state === "blocked",
      });
      setAvailable(sb, acc, b.available);
      sb.onChange();
      return {
        status: 201,
        body: { ...ledgerView(acc), available: acc.available, pending: acc.pending },
      };
    }),
    r("POST", "/ledger/accounts/:id/balance", (ctx) => {
      const acc =
        sb.state.ledgerAccounts.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      setAvailable(sb, acc, parse(ZAvailable, adminBody(ctx)).available);
      sb.onChange();
      return { status: 200, body: { id: acc.id, available: acc.available, pending: acc.pending } };
    }),
    r("POST", "/ledger/accounts/:id/state", (ctx) => {
      const acc =
        sb.state.ledgerAccounts.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      const b = parse(ZLedgerState, adminBody(ctx));
      acc.state = b.state;
      acc.state_reason = b.state === "active" ? null : (b.reason ?? "other");
      acc.updated_at = sb.nowIso();
      sb.onChange();
      return { status: 200, body: ledgerView(acc) };
    }),
    ...adminInspectRoutes(sb, r),
    ...adminActionRoutes(sb, r),
  ];
}
