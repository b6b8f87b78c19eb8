import "server-only";
import { recogniseId, type TRecognised } from "./recognise-id";
import { lookupAccount, type TAccountView } from "./lookup-account";
import { lookupAtMono } from "./lookup-at-mono";
import { requestExpired } from "@/lib/partitions/expired";
import { lookups as q, type TOperationSummary, type TRequestSummary } from "./lookups";

// One search box for every id. Each kind maps to exact lookups on indexed columns —
// equality only, never LIKE/ILIKE/contains — so a search costs the same at 10 rows or 10 million
// (tests/integration/search/explain.test.ts checks the plans).

export type THitType = "operation" | "request" | "idempotency_key" | "webhook" | "mono_object";
export type TSearchHit = {
  kind: THitType;
  id: string;
  href: string | null;
  title: string;
  detail: string;
  at: Date | null;
  matchedOn: string; // the column that matched, so the agent knows why this is a result
  operation?: TOperationSummary;
};
export type TSearchResult = {
  query: string;
  recognised: TRecognised;
  hits: TSearchHit[];
  account: TAccountView | null;
  notes: string[];
};
export type TSearchOptions = { mono?: boolean }; // false: never call Mono (the benchmark, offline use)

export async function searchById(query: string, o: TSearchOptions = {}): Promise<TSearchResult> {
  const recognised = recogniseId(query);
  const result: TSearchResult = { query, recognised, hits: [], account: null, notes: [] };
  if (!recognised.ok) return result;
  const v = recognised.value;
  const hits = result.hits;
  switch (recognised.kind) {
    case "request_id": {
      const [r] = await q.requestById(v);
      if (r)
        hits.push(requestHit(r, "RequestLog.requestId"), ...(await operationsOf([r.operationId])));
      else {
        // Past retention is not "not found": say how long the request log keeps requests.
        const gone = await requestExpired(v);
        if (gone) result.notes.push(gone.message);
      }
      break;
    }
    case "mono_log_id": {
      const rows = await q.requestsByLogId(v);
      hits.push(
        ...rows.map((r) => requestHit(r, "RequestLog.monoLogId")),
        ...(await operationsOf(rows.map((r) => r.operationId))),
      );
      break;
    }
    case "idempotency_key": {
      const [[op], [lastAttempt], [inbound]] = await Promise.all([
        q.operationByKey(v),
        q.lastRequestByKey(v),
        q.inboundByKey(v),
      ]);
      if (op || lastAttempt || inbound) {
        const where = op
          ? "Mono idempotency key of an operation"
          : lastAttempt
            ? "sent to Mono"
            : `console write key (${inbound!.route})`;
        hits.push({
          kind: "idempotency_key",
          id: v,
          href: `/idempotency/${v}`,
          title: `Idempotency key ${v}`,
          detail: where,
          at: lastAttempt?.at ?? inbound?.createdAt ?? null,
          matchedOn: op
            ? "Operation.idempotencyKey"
            : lastAttempt
              ? "RequestLog.idempotencyKey"
              : "InboundRequest.key",
        });
      }
      if (op) hits.push(operationHit(op, "Operation.idempotencyKey"));
      else if (lastAttempt) hits.push(...(await operationsOf([lastAttempt.operationId])));
      break;
    }
    case "operation_id": {
      const [op] = await q.operationById(v);
      if (op) hits.push(operationHit(op, "Operation.id"));
      break;
    }
    case "payout_id":
    case "batch_id": {
      const [op] = await q.operationByMonoId(v);
      if (op) hits.push(operationHit(op, "Operation.monoId"));
      break;
    }
    case "transfer_id": {
      const [item] = await q.itemByTransferId(v);
      if (item)
        hits.push(
          ...(await operationsOf(
            [item.operationId],
            `OperationItem.monoTransferId (row ${item.position + 1})`,
          )),
        );
      break;
    }
    case "account_id":
    case "ledger_account_id":
      result.account = await lookupAccount(v, recognised.kind, o);
      break;
    case "external_id":
    case "reference": {
      const [[byExternal], [byItem], byTicket] = await Promise.all([
        q.operationByExternalId(v),
        q.itemByExternalId(v),
        recognised.kind === "reference" ? q.operationsByTicket(v) : Promise.resolve([]),
      ]);
      if (byExternal) hits.push(operationHit(byExternal, "Operation.externalId"));
      if (byItem)
        hits.push(
          ...(await operationsOf(
            [byItem.operationId],
            `OperationItem.externalId (row ${byItem.position + 1})`,
          )),
        );
      hits.push(...byTicket.map((op) => operationHit(op, "Operation.ticketRef")));
      break;
    }
  }
  if (hits.length === 0 && ["payout_id", "batch_id", "transfer_id"].includes(recognised.kind)) {
    await addWebhookAndMonoHits(result, v, o);
  }
  result.hits = dedupe(hits);
  return result;
}

// An object the console did not create (or whose webhook arrived first) can still be explained:
// webhooks stored for it (WebhookEvent.objectId, indexed) and Mono's own record (one GET).
async function addWebhookAndMonoHits(result: TSearchResult, id: string, o: TSearchOptions) {
  const [webhook] = await q.webhookByObjectId(id);
  if (webhook) {
    result.hits.push({
      kind: "webhook",
      id: webhook.id.toString(),
      href: webhook.operationId ? `/operations/${webhook.operationId}` : null,
      title: `Webhook ${webhook.type}`,
      detail: `last received for ${id}`,
      at: webhook.receivedAt,
      matchedOn: "WebhookEvent.objectId",
    });
    result.hits.push(...(await operationsOf([webhook.operationId])));
  }
  if (o.mono === false || result.hits.some((h) => h.kind === "operation")) return;
  const found = await lookupAtMono(id);
  if (found.kind === "error") result.notes.push(found.message);
  if (found.kind !== "found") return;
  result.hits.push({
    kind: "mono_object",
    id,
    href: null,
    title: `${found.label} at Mono`,
    detail: `state ${found.state}; external_id ${found.externalId ?? "none"}`,
    at: null,
    matchedOn: found.endpoint,
  });
  if (found.externalId) {
    const [[op], [item]] = await Promise.all([
      q.operationByExternalId(found.externalId),
      q.itemByExternalId(found.externalId),
    ]);
    if (op) result.hits.push(operationHit(op, "Operation.externalId (from Mono)"));
    if (item)
      result.hits.push(
        ...(await operationsOf([item.operationId], "OperationItem.externalId (from Mono)")),
      );
  }
  if (!result.hits.some((h) => h.kind === "operation"))
    result.notes.push("Mono knows this object but the console did not create it.");
}

async function operationsOf(
  ids: (string | null)[],
  matchedOn = "RequestLog.operationId",
): Promise<TSearchHit[]> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return [];
  const ops =
    unique.length === 1 ? await q.operationById(unique[0]) : await q.operationsByIds(unique);
  return ops.map((op) => operationHit(op, matchedOn));
}

function operationHit(op: TOperationSummary, matchedOn: string): TSearchHit {
  const kind =
    op.kind === "payout"
      ? "Payout"
      : op.kind === "bank_transfer"
        ? "Bank transfer"
        : "Transfer batch";
  return {
    kind: "operation",
    id: op.id,
    href: `/operations/${op.id}`,
    title: `${kind} ${op.id}`,
    detail: op.state,
    at: op.createdAt,
    matchedOn,
    operation: op,
  };
}

function requestHit(r: TRequestSummary, matchedOn: string): TSearchHit {
  return {
    kind: "request",
    id: r.requestId,
    href: `/requests/${r.requestId}`,
    title: `${r.method} ${r.path}`,
    detail: `attempt ${r.attempt} · ${r.status ?? "no response"}${r.errorCode ? ` · ${r.errorCode}` : ""}${r.monoLogId ? ` · ${r.monoLogId}` : ""}`,
    at: r.at,
    matchedOn,
  };
}

function dedupe(hits: TSearchHit[]): TSearchHit[] {
  const seen = new Set<string>();
  return hits.filter((h) =>
    seen.has(`${h.kind}:${h.id}`) ? false : (seen.add(`${h.kind}:${h.id}`), true),
  );
}
