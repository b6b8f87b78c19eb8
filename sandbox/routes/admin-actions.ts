// Admin actions: what happens in Mono's app or on the rails, outside the API — approving or
// cancelling a prepared batch, a rail flipping a final state, forcing a payout's end, and
// objects created "outside the console" for reconciliation tests.
import { z } from "zod";
import type { TTask } from "../clock";
import type { Sandbox } from "../context";
import { advancePayout, createPayout, finishPayout, view } from "../engine/payouts";
import { changeFinalState } from "../engine/transfer-steps";
import {
  approveBatch,
  batchView,
  cancelBatch,
  createBatch,
  transferView,
} from "../engine/transfers";
import { fail } from "../errors";
import { jsonBody, type TRoute } from "../http";
import { ZCreatePayout, ZCreateTransfers } from "../schemas";
import { parse } from "../validate";
import { adminBody } from "./admin";

type TMake = (method: TRoute["method"], pattern: string, handler: TRoute["handler"]) => TRoute;

const ZChange = z.object({
  state: z.enum(["approved", "declined"]).nullish(),
  declination_reason: z.string().nullish(),
});
const ZComplete = z.object({
  state: z.enum(["settled", "failed"]),
  state_reason: z.string().nullish(),
});

/** Runs the scheduled steps of the given resources now, until none is left. */
function settleNow(sb: Sandbox, ids: Set<string>): void {
  sb.clock.runAll(
    (t: TTask) =>
      (t.kind === "batch" || t.kind === "transfer" || t.kind === "payout") && ids.has(t.id),
  );
}

export function adminActionRoutes(sb: Sandbox, r: TMake): TRoute[] {
  return [
    r("POST", "/transfers/:id/change_final_state", (ctx) => {
      const t =
        sb.state.transfers.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      const b = parse(ZChange, adminBody(ctx));
      changeFinalState(sb, t, b.state ?? null, b.declination_reason ?? null);
      return { status: 200, body: transferView(sb, t) };
    }),
    r("POST", "/batches/:id/approve", (ctx) => {
      const b =
        sb.state.batches.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      approveBatch(sb, b);
      return { status: 200, body: batchView(b) };
    }),
    r("POST", "/batches/:id/cancel", (ctx) => {
      const b =
        sb.state.batches.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      cancelBatch(sb, b);
      return { status: 200, body: batchView(b) };
    }),
    r("POST", "/payouts/:id/complete", (ctx) => {
      const p =
        sb.state.payouts.get(ctx.params.id) ??
        fail(404, "item_not_found", "Item doesn't exist", "#/id");
      const b = parse(ZComplete, adminBody(ctx));
      if (p.state === "settled" || p.state === "failed")
        fail(409, "validation_error", `The payout is already ${p.state}.`, "#/state");
      if (p.state === "pending") advancePayout(sb, p.id); // → processing, as on the real rail
      finishPayout(
        sb,
        p,
        b.state,
        b.state === "failed" ? (b.state_reason ?? "declined_by_destination_bank") : null,
      );
      return { status: 200, body: view(p) };
    }),
    r("POST", "/external/payouts", (ctx) => {
      const { status, payout } = createPayout(sb, parse(ZCreatePayout, jsonBody(ctx)));
      if (ctx.query.get("settle") === "true") settleNow(sb, new Set([payout.id]));
      return { status, body: view(payout) };
    }),
    r("POST", "/external/transfers", (ctx) => {
      const { batch, transfers } = createBatch(
        sb,
        parse(ZCreateTransfers, jsonBody(ctx)),
        "create",
      );
      batch.origin = "dashboard";
      if (ctx.query.get("settle") === "true")
        settleNow(sb, new Set([batch.id, ...transfers.map((t) => t.id)]));
      return {
        status: 201,
        body: {
          account_id: batch.account_id,
          batch: batchView(batch),
          transfers: transfers.map((t) => transferView(sb, t)),
        },
      };
    }),
  ];
}
