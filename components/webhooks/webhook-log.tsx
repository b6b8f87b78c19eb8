"use client";

import Link from "next/link";
import { Badge } from "../ui/badge";
import { ListFooter } from "../ui/list-footer";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { formatWhen } from "../operations/format-time";
import { ResultBadge, SignatureBadge } from "./result-badge";
import { WebhookFilters } from "./webhook-filters";
import { WebhookDetail } from "./webhook-detail";
import { useWebhookFilters } from "./use-webhook-filters";
import { useWebhookList, useWebhookSummary } from "./use-webhooks";
import type { TWebhookRow } from "./api";

const REASONS: Record<string, string> = {
  bad_signature: "bad signature",
  stale_timestamp: "stale timestamp",
  missing_signature: "no signature",
  malformed_signature: "garbled signature",
  malformed_json: "malformed JSON",
  invalid_envelope: "not an envelope",
  too_large: "too large",
  not_configured: "secret not configured",
};

const TEXT = {
  label: "Webhook events",
  empty: "No webhook events match these filters.",
  more: "Load older events",
  lastEvent: "Last event:",
  refused: "Refused in 24 h:",
  none: "none",
  open: (id: number) => `Open event ${id}`,
  external: "external",
  h: {
    received: "Received (Bogotá)",
    type: "Type",
    object: "Object",
    signature: "Signature",
    result: "Result",
    operation: "Operation",
  },
};

const columns: TColumn<TWebhookRow>[] = [
  {
    id: "received",
    header: TEXT.h.received,
    sortValue: (e) => e.receivedAt,
    className: "whitespace-nowrap text-slate-600",
    cell: (e) => (
      <>
        {formatWhen(e.receivedAt)}
        {e.deliveries > 1 ? (
          <span className="ml-1 text-xs text-slate-600">×{e.deliveries}</span>
        ) : null}
      </>
    ),
  },
  {
    id: "type",
    header: TEXT.h.type,
    sortValue: (e) => e.type,
    className: "break-all font-mono text-xs",
    cell: (e) => e.type,
  },
  {
    id: "object",
    header: TEXT.h.object,
    sortValue: (e) => e.objectId,
    className: "break-all font-mono text-xs",
    cell: (e) => e.objectId ?? "—",
  },
  {
    id: "signature",
    header: TEXT.h.signature,
    sortValue: (e) => e.signatureResult,
    cell: (e) => <SignatureBadge value={e.signatureResult} />,
  },
  {
    id: "result",
    header: TEXT.h.result,
    sortValue: (e) => e.processingResult,
    className: "space-x-1",
    cell: (e) => (
      <>
        <ResultBadge result={e.processingResult} />
        {e.external && e.processingResult !== "external" ? (
          <Badge tone="blue">{TEXT.external}</Badge>
        ) : null}
      </>
    ),
  },
  {
    id: "operation",
    header: TEXT.h.operation,
    sortValue: (e) => e.operationId,
    className: "break-all",
    cell: (e) =>
      e.operationId ? (
        <Link
          onClick={(ev) => ev.stopPropagation()}
          className="font-mono text-xs text-brand-700 hover:underline"
          href={`/operations/${e.operationId}`}
        >
          {e.operationId}
        </Link>
      ) : (
        "—"
      ),
  },
];

export function WebhookLog({ canReprocess }: { canReprocess: boolean }) {
  const { filters, selected, setFilters, select } = useWebhookFilters();
  const list = useWebhookList(filters);
  const summary = useWebhookSummary();
  const rows = list.data?.pages.flatMap((p) => p.events) ?? [];
  const rejections = Object.entries(summary.data?.rejections24h ?? {});
  return (
    <div>
      <WebhookFilters
        f={filters}
        types={summary.data?.types.map((t) => t.type) ?? []}
        onChange={setFilters}
      />
      <div className="flex flex-wrap gap-x-4 gap-y-1 px-5 pt-3 text-xs text-slate-600">
        <span>
          {TEXT.lastEvent} {formatWhen(summary.data?.lastReceivedAt ?? null)}
        </span>
        <span>
          {TEXT.refused}{" "}
          {rejections.length === 0
            ? TEXT.none
            : rejections.map(([r, n]) => `${n} ${REASONS[r] ?? r}`).join(", ")}
        </span>
      </div>
      <div className="px-5 pt-3">
        <ErrorNote error={list.error} />
      </div>
      <div
        className={cn("grid", selected !== null && "xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]")}
      >
        <div className="min-w-0">
          <DataTable
            label={TEXT.label}
            columns={columns}
            rows={rows}
            rowKey={(e) => String(e.id)}
            rowProps={(e) => ({
              "data-testid": "webhook-row",
              "aria-selected": selected === e.id,
              onClick: () => select(e.id),
              className: cn("cursor-pointer hover:bg-slate-50", selected === e.id && "bg-brand-50"),
            })}
            loading={list.isPending}
            empty={TEXT.empty}
            dense
            columnMenu
          />
          <ListFooter list={list} more={TEXT.more} />
        </div>
        {selected !== null ? (
          <WebhookDetail id={selected} canReprocess={canReprocess} onClose={() => select(null)} />
        ) : null}
      </div>
    </div>
  );
}
