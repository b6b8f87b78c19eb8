// Admin inspection: the duplicate detector, per-key counts, webhook deliveries, fault config,
// request log. Reliability tests assert on these instead of trusting the client under test.
import { z } from "zod";
import type { Sandbox } from "../context";
import { parseFaultConfig } from "../fault-config";
import type { TFaultConfig } from "../faults";
import { fail } from "../errors";
import type { TRoute } from "../http";
import { parse } from "../validate";
import { adminBody } from "./admin";

type TMake = (method: TRoute["method"], pattern: string, handler: TRoute["handler"]) => TRoute;

const ZRate = z.number().min(0).max(1);
const ZFaultConfig: z.ZodType<TFaultConfig> = z.object({
  rate: ZRate.optional(),
  rates: z
    .partialRecord(
      z.enum([
        "latency",
        "status_429",
        "status_5xx",
        "status_5xx_after_commit",
        "reset",
        "reset_after_commit",
        "hang",
        "webhook_duplicate",
        "webhook_reorder",
        "webhook_delay",
        "webhook_drop",
      ]),
      ZRate,
    )
    .optional(),
  latencyMs: z.number().nonnegative().optional(),
  retryAfterSeconds: z.number().nonnegative().optional(),
  hangMs: z.number().nonnegative().optional(),
  webhookDelayMs: z.number().nonnegative().optional(),
  statuses: z.array(z.number().int().min(500).max(599)).optional(),
  applyTo: z.enum(["writes", "all"]).optional(),
  seed: z.number().int().optional(),
});
const ZFaultsBody = z.union([z.object({ text: z.string() }), ZFaultConfig]);
const ZWebhooks = z.object({
  url: z.string().url().nullish(),
  urls: z.array(z.string().url()).optional(),
  secret: z.string().min(1).optional(),
});

export type TDuplicate = {
  kind: "payout" | "transfer" | "idempotency_key";
  key: string;
  count: number;
  ids: string[];
};

function duplicates(sb: Sandbox): {
  duplicates: TDuplicate[];
  payouts: number;
  transfers: number;
  batches: number;
} {
  const out: TDuplicate[] = [];
  const payoutIds = new Map<string, string[]>();
  for (const p of sb.state.payouts.values())
    payoutIds.set(p.external_id, [...(payoutIds.get(p.external_id) ?? []), p.id]);
  for (const [key, count] of sb.state.payoutCreatesByExternalId) {
    if (count > 1) out.push({ kind: "payout", key, count, ids: payoutIds.get(key) ?? [] });
  }
  let transfers = 0;
  for (const [key, ids] of sb.state.transfersByExternalId) {
    // `duplicated` transfers are Mono's own dedupe at work: they never move money.
    const moving = ids.filter((id) => sb.state.transfers.get(id)?.state !== "duplicated");
    if (moving.length > 1) out.push({ kind: "transfer", key, count: moving.length, ids: moving });
  }
  for (const t of sb.state.transfers.values()) if (t.state !== "duplicated") transfers++;
  for (const [key, ids] of sb.state.resourcesByIdemKey) {
    const roots = ids.filter((id) => id.startsWith("cpout_") || id.startsWith("bat_"));
    if (roots.length > 1)
      out.push({ kind: "idempotency_key", key, count: roots.length, ids: roots });
  }
  return {
    duplicates: out,
    payouts: sb.state.payouts.size,
    transfers,
    batches: sb.state.batches.size,
  };
}

// Money that moved more than once to the same beneficiary: payouts and transfers created since
// `since`, grouped by bank account and amount. It does not trust ids or keys at all, so it also
// catches a client that pays twice under two keys and two external ids (a re-run request).
// Failed payouts and declined, cancelled or `duplicated` transfers moved nothing and are left out.
function moneyMoved(
  sb: Sandbox,
  since: string,
): {
  objects: number;
  double_paid: number;
  groups: { bank_code: string; account_number: string; amount: number; ids: string[] }[];
} {
  const groups = new Map<
    string,
    { bank_code: string; account_number: string; amount: number; ids: string[] }
  >();
  const add = (bank: string, account: string, amount: number, id: string) => {
    const k = `${bank}:${account}:${amount}`;
    const g = groups.get(k) ?? { bank_code: bank, account_number: account, amount, ids: [] };
    g.ids.push(id);
    groups.set(k, g);
  };
  let objects = 0;
  for (const p of sb.state.payouts.values()) {
    if (p.inserted_at < since || p.state === "failed") continue;
    const t = p.target as { bank_code?: string; account_number?: string };
    add(t.bank_code ?? "", t.account_number ?? "", p.target_amount.amount, p.id);
    objects++;
  }
  for (const t of sb.state.transfers.values()) {
    if (t.inserted_at < since || ["duplicated", "declined", "cancelled"].includes(t.state))
      continue;
    add(t.payee.bank_account.bank_code, t.payee.bank_account.number, t.amount.amount, t.id);
    objects++;
  }
  const twice = [...groups.values()].filter((g) => g.ids.length > 1);
  return {
    objects,
    double_paid: twice.reduce((a, g) => a + g.ids.length - 1, 0),
    groups: twice.slice(0, 50),
  };
}

export function adminInspectRoutes(sb: Sandbox, r: TMake): TRoute[] {
  return [
    r("GET", "/duplicates", () => ({ status: 200, body: duplicates(sb) })),
    r("GET", "/money-moved", (ctx) => ({
      status: 200,
      body: moneyMoved(sb, ctx.query.get("since") ?? "1970-01-01T00:00:00Z"),
    })),
    r("GET", "/counts", (ctx) => {
      const ext = ctx.query.get("external_id");
      const key = ctx.query.get("idempotency_key");
      if (ext === null && key === null)
        fail(422, "missing_field", "Give external_id or idempotency_key.", "#/external_id");
      const body: Record<string, unknown> = {};
      if (ext !== null) {
        const tIds = sb.state.transfersByExternalId.get(ext) ?? [];
        const moving = tIds.filter((id) => sb.state.transfers.get(id)?.state !== "duplicated");
        const pid = sb.state.payoutsByExternalId.get(ext);
        body.external_id = ext;
        body.payouts = sb.state.payoutCreatesByExternalId.get(ext) ?? 0;
        body.payout_ids = pid ? [pid] : [];
        body.transfers = moving.length;
        body.transfers_duplicated = tIds.length - moving.length;
        body.transfer_ids = tIds;
      }
      if (key !== null) {
        const ids = sb.state.resourcesByIdemKey.get(key) ?? [];
        const rec = sb.state.idempotency.get(key);
        body.idempotency_key = key;
        body.by_key = {
          payouts: ids.filter((i) => i.startsWith("cpout_")).length,
          batches: ids.filter((i) => i.startsWith("bat_")).length,
          transfers: ids.filter((i) => i.startsWith("trn_")).length,
          ids,
          stored: rec
            ? {
                state: rec.state,
                status: rec.status,
                created_at: new Date(rec.createdAt).toISOString(),
              }
            : null,
        };
      }
      return { status: 200, body };
    }),
    r("GET", "/webhooks/deliveries", (ctx) => {
      const type = ctx.query.get("type");
      const resource = ctx.query.get("resource_id");
      const state = ctx.query.get("state");
      const list = sb.state.deliveryOrder
        .map((id) => sb.state.deliveries.get(id)!)
        .filter(
          (d) =>
            (type === null || d.type === type) &&
            (resource === null || d.resource_id === resource) &&
            (state === null || d.state === state),
        );
      return { status: 200, body: { deliveries: list, total: list.length } };
    }),
    r("GET", "/webhooks", () => ({
      status: 200,
      body: { urls: sb.webhook.urls, secret_set: sb.webhook.secret.length > 0 },
    })),
    r("PUT", "/webhooks", (ctx) => {
      const b = parse(ZWebhooks, adminBody(ctx));
      if (b.urls !== undefined) sb.webhook.urls = b.urls;
      else if (b.url !== undefined) sb.webhook.urls = b.url ? [b.url] : [];
      if (b.secret !== undefined) sb.webhook.secret = b.secret;
      return { status: 200, body: { urls: sb.webhook.urls } };
    }),
    r("GET", "/faults", () => ({
      status: 200,
      body: { allowed: sb.allowFaults, config: sb.faultConfig },
    })),
    r("PUT", "/faults", (ctx) => {
      const b = parse(ZFaultsBody, adminBody(ctx));
      let cfg: TFaultConfig;
      try {
        cfg =
          "text" in b && typeof b.text === "string"
            ? parseFaultConfig(b.text)
            : (b as TFaultConfig);
      } catch (e) {
        fail(400, "invalid_format", e instanceof Error ? e.message : String(e), "#/text");
      }
      sb.setFaultConfig(cfg);
      return { status: 200, body: { allowed: sb.allowFaults, config: sb.faultConfig } };
    }),
    r("GET", "/requests", (ctx) => {
      const logId = ctx.query.get("log_id");
      const key = ctx.query.get("idempotency_key");
      const list = sb.requestLog.filter(
        (e) => (logId === null || e.id === logId) && (key === null || e.idempotency_key === key),
      );
      return { status: 200, body: { requests: list } };
    }),
    r("GET", "/state", () => ({
      status: 200,
      body: {
        accounts: sb.state.accounts.size,
        ledger_accounts: sb.state.ledgerAccounts.size,
        batches: sb.state.batches.size,
        transfers: sb.state.transfers.size,
        payouts: sb.state.payouts.size,
        idempotency_keys: sb.state.idempotency.size,
        deliveries: sb.state.deliveries.size,
        pending_tasks: sb.pendingTasks().length,
        now: sb.nowIso(),
      },
    })),
  ];
}
