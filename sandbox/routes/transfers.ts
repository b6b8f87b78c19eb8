// Banking transfers: create (Administrator, sends), prepare (Administrator/Preparer, waits for
// approval), list with Mono's filters and sort.
import type { TMonoCreateTransfersResponse, TMonoTransferState } from "../../lib/mono/contract";
import { ADMINISTRATOR, ALL_ROLES, PREPARERS } from "../auth";
import type { Sandbox } from "../context";
import { batchView, createBatch, transferView } from "../engine/transfers";
import { fail } from "../errors";
import { jsonBody, type TCtx, type TResult, type TRoute } from "../http";
import { nested, oneOf, page, paginate, range, sort } from "../query";
import { ZCreateTransfers } from "../schemas";
import type { TBatchRec, TTransferRec } from "../state";
import { parse } from "../validate";

const STATES: readonly TMonoTransferState[] = [
  "created",
  "in_progress",
  "cancelled",
  "declined",
  "approved",
  "duplicated",
];

function create(sb: Sandbox, ctx: TCtx, mode: TBatchRec["mode"]): TResult {
  const input = parse(ZCreateTransfers, jsonBody(ctx));
  const { batch, transfers } = createBatch(sb, input, mode);
  ctx.created.push(batch.id, ...transfers.map((t) => t.id));
  const body: TMonoCreateTransfersResponse = {
    account_id: batch.account_id,
    batch: batchView(batch),
    transfers: transfers.map((t) => transferView(sb, t)),
  };
  return { status: 201, body };
}

function list(sb: Sandbox, ctx: TCtx): TResult {
  const q = ctx.query;
  const p = page(q);
  const id = q.get("id");
  const externalId = q.get("external_id") ?? q.get("entity_id");
  if (externalId !== null && (externalId.length < 1 || externalId.length > 255))
    fail(400, "invalid_format", "external_id must be 1..255 characters.", "#/external_id");
  const batchId = q.get("batch_id");
  const accountId = q.get("account_id");
  const state = oneOf(q.get("state"), STATES, "state");
  const accountNumber = q.get("payee_account_number");
  if (accountNumber !== null && accountNumber.length < 5)
    fail(
      400,
      "invalid_format",
      "payee_account_number needs at least 5 characters.",
      "#/payee_account_number",
    );
  const doc = nested(q, "payee_document");
  if ((doc.number === undefined) !== (doc.type === undefined))
    fail(
      422,
      "missing_field",
      "payee_document needs number and type together.",
      doc.number === undefined ? "#/payee_document/number" : "#/payee_document/type",
    );
  const inserted = range(q, "inserted_at");
  const s = sort(q, ["inserted_at", "updated_at", "amount"] as const, "inserted_at");

  // Indexed paths first (id, external_id), otherwise a scan; the sandbox holds thousands, not millions.
  let pool: TTransferRec[];
  if (id !== null)
    pool = [sb.state.transfers.get(id)].filter((t): t is TTransferRec => t !== undefined);
  else if (externalId !== null)
    pool = (sb.state.transfersByExternalId.get(externalId) ?? [])
      .map((i) => sb.state.transfers.get(i)!)
      .filter(Boolean);
  else pool = sb.state.transferOrder.map((i) => sb.state.transfers.get(i)!);
  const hits = pool.filter(
    (t) =>
      (batchId === null || t.batch_id === batchId) &&
      (accountId === null || t.account_id === accountId) &&
      (state === null || t.state === state) &&
      (accountNumber === null || t.payee.bank_account.number === accountNumber) &&
      (doc.number === undefined ||
        (t.payee.document_number === doc.number && t.payee.document_type === doc.type)) &&
      (inserted === null ||
        (Date.parse(t.inserted_at) >= inserted.from &&
          Date.parse(t.inserted_at) <= inserted.until)),
  );
  const dir = s.type === "asc" ? 1 : -1;
  const key = (t: TTransferRec): number | string =>
    s.field === "amount" ? t.amount.amount : t[s.field];
  // Stable on insertion order, so equal timestamps keep creation order (reversed for desc).
  const indexed = hits.map((t, i) => ({ t, i }));
  indexed.sort((a, b) => {
    const ka = key(a.t);
    const kb = key(b.t);
    return (ka < kb ? -1 : ka > kb ? 1 : a.i - b.i) * dir;
  });
  const { items, pagination } = paginate(
    indexed.map((x) => x.t),
    p,
  );
  return { status: 200, body: { transfers: items.map((t) => transferView(sb, t)), pagination } };
}

export function transferRoutes(sb: Sandbox): TRoute[] {
  return [
    {
      method: "POST",
      pattern: "/v1/transfers",
      access: ADMINISTRATOR,
      write: true,
      handler: (ctx) => create(sb, ctx, "create"),
    },
    {
      method: "POST",
      pattern: "/v1/transfers/prepare",
      access: PREPARERS,
      write: true,
      handler: (ctx) => create(sb, ctx, "prepare"),
    },
    { method: "GET", pattern: "/v1/transfers", access: ALL_ROLES, handler: (ctx) => list(sb, ctx) },
  ];
}
