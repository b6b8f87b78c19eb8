"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "../ui/badge";
import { ListFooter } from "../ui/list-footer";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { useFormat } from "../i18n/use-format";
import { ResultBadge, SignatureBadge } from "./result-badge";
import { WebhookFilters } from "./webhook-filters";
import { WebhookDetail } from "./webhook-detail";
import { useWebhookFilters } from "./use-webhook-filters";
import { useWebhookList, useWebhookSummary } from "./use-webhooks";
import type { TWebhookRow } from "./api";

export function WebhookLog({ canReprocess }: { canReprocess: boolean }) {
  const t = useTranslations("webhooks");
  const f = useFormat();
  const { filters, selected, setFilters, select } = useWebhookFilters();
  const list = useWebhookList(filters);
  const summary = useWebhookSummary();
  const rows = list.data?.pages.flatMap((p) => p.events) ?? [];
  const rejections = Object.entries(summary.data?.rejections24h ?? {});
  const reason = (r: string) => (t.has(`rejections.${r}`) ? t(`rejections.${r}`) : r);
  const columns: TColumn<TWebhookRow>[] = [
    {
      id: "received",
      header: t("h.received"),
      sortValue: (e) => e.receivedAt,
      className: "whitespace-nowrap text-slate-600",
      cell: (e) => (
        <>
          {f.when(e.receivedAt)}
          {e.deliveries > 1 ? (
            <span className="ml-1 text-xs text-slate-600">×{e.deliveries}</span>
          ) : null}
        </>
      ),
    },
    {
      id: "type",
      header: t("h.type"),
      sortValue: (e) => e.type,
      className: "break-all font-mono text-xs",
      cell: (e) => e.type,
    },
    {
      id: "object",
      header: t("h.object"),
      sortValue: (e) => e.objectId,
      className: "break-all font-mono text-xs",
      cell: (e) => e.objectId ?? "—",
    },
    {
      id: "signature",
      header: t("h.signature"),
      sortValue: (e) => e.signatureResult,
      cell: (e) => <SignatureBadge value={e.signatureResult} />,
    },
    {
      id: "result",
      header: t("h.result"),
      sortValue: (e) => e.processingResult,
      className: "space-x-1",
      cell: (e) => (
        <>
          <ResultBadge result={e.processingResult} />
          {e.external && e.processingResult !== "external" ? (
            <Badge tone="blue">{t("external")}</Badge>
          ) : null}
        </>
      ),
    },
    {
      id: "operation",
      header: t("h.operation"),
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
  return (
    <div>
      <WebhookFilters
        f={filters}
        types={summary.data?.types.map((t) => t.type) ?? []}
        onChange={setFilters}
      />
      <div className="flex flex-wrap gap-x-4 gap-y-1 px-5 pt-3 text-xs text-slate-600">
        <span>
          {t("lastEvent")} {f.when(summary.data?.lastReceivedAt ?? null)}
        </span>
        <span>
          {t("refused")}{" "}
          {rejections.length === 0
            ? t("none")
            : rejections.map(([r, n]) => `${f.number(n)} ${reason(r)}`).join(", ")}
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
            label={t("label")}
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
            empty={t("empty")}
            dense
            columnMenu
          />
          <ListFooter list={list} more={t("more")} />
        </div>
        {selected !== null ? (
          <WebhookDetail id={selected} canReprocess={canReprocess} onClose={() => select(null)} />
        ) : null}
      </div>
    </div>
  );
}
