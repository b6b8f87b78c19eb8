"use client";

import Link from "next/link";
import { Badge } from "../ui/badge";
import { ListFooter } from "../ui/list-footer";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { formatWhen } from "../operations/format-time";
import { ResultBadge, SignatureBadge } from "./result-badge";
import { WebhookFilters } from "./webhook-filters";
import { WebhookDetail } from "./webhook-detail";
import { useWebhookFilters } from "./use-webhook-filters";
import { useWebhookList, useWebhookSummary } from "./use-webhooks";

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
        <span>Last event: {formatWhen(summary.data?.lastReceivedAt ?? null)}</span>
        <span>
          Refused in 24 h:{" "}
          {rejections.length === 0
            ? "none"
            : rejections.map(([r, n]) => `${n} ${REASONS[r] ?? r}`).join(", ")}
        </span>
      </div>
      <div className="px-5 pt-3">
        <ErrorNote error={list.error} />
      </div>
      <div
        className={cn("grid", selected !== null && "lg:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]")}
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Received (Bogotá)", "Type", "Object", "Signature", "Result", "Operation"].map(
                  (h) => (
                    <th key={h} className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((e) => (
                <tr
                  key={e.id}
                  data-testid="webhook-row"
                  aria-selected={selected === e.id}
                  onClick={() => select(e.id)}
                  className={cn(
                    "cursor-pointer align-top hover:bg-slate-50",
                    selected === e.id && "bg-brand-50",
                  )}
                >
                  <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">
                    {formatWhen(e.receivedAt)}
                    {e.deliveries > 1 ? (
                      <span className="ml-1 text-xs text-slate-400">×{e.deliveries}</span>
                    ) : null}
                  </td>
                  <td className="break-all px-3 py-2.5 font-mono text-xs">{e.type}</td>
                  <td className="break-all px-3 py-2.5 font-mono text-xs">{e.objectId ?? "—"}</td>
                  <td className="px-3 py-2.5">
                    <SignatureBadge value={e.signatureResult} />
                  </td>
                  <td className="space-x-1 px-3 py-2.5">
                    <ResultBadge result={e.processingResult} />
                    {e.external && e.processingResult !== "external" ? (
                      <Badge tone="blue">external</Badge>
                    ) : null}
                  </td>
                  <td className="break-all px-3 py-2.5">
                    {e.operationId ? (
                      <Link
                        onClick={(ev) => ev.stopPropagation()}
                        className="font-mono text-xs text-brand-700 hover:underline"
                        href={`/operations/${e.operationId}`}
                      >
                        {e.operationId}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ListFooter
            list={list}
            count={rows.length}
            empty="No webhook events match these filters."
            more="Load older events"
          />
        </div>
        {selected !== null ? (
          <WebhookDetail id={selected} canReprocess={canReprocess} onClose={() => select(null)} />
        ) : null}
      </div>
    </div>
  );
}
