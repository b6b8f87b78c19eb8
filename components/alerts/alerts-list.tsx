"use client";

import { useTranslations } from "next-intl";
import { ZAlertListQuery } from "@/lib/alerts/list-query";
import { Button } from "../ui/button";
import { DataTable } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { useUrlFilters } from "../url-state/use-url-filters";
import type { TAlert, TAlertFilters } from "./api";
import { useAlertColumns } from "./alert-row";
import { useAcknowledgeAlert, useAlertList, useEvaluateNow, useResolveAlert } from "./use-alerts";

const STATES: TAlertFilters["state"][] = ["active", "open", "acknowledged", "resolved", "all"];
const KEYS = ["state", "severity"] as const;
// Filters in the URL (?state=&severity=); acknowledge/resolve for operators and above.
export function AlertsList({ canManage }: { canManage: boolean }) {
  const url = useUrlFilters(ZAlertListQuery, KEYS);
  const f: TAlertFilters = { state: url.filters.state ?? "active", severity: url.filters.severity };
  const list = useAlertList(f);
  const ack = useAcknowledgeAlert();
  const resolve = useResolveAlert();
  const evaluate = useEvaluateNow();
  const rows = list.data?.pages.flatMap((p) => p.alerts) ?? [];
  const busy = ack.isPending || resolve.isPending;
  const t = useTranslations("alerts");
  const columns = useAlertColumns({
    canManage,
    busy,
    onAcknowledge: (a) => ack.mutate(a.id),
    onResolve: (a) => resolve.mutate({ id: a.id }),
  });
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
        <div
          role="group"
          aria-label={t("filters.state")}
          className="inline-flex overflow-hidden rounded-md ring-1 ring-slate-300"
        >
          {STATES.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={f.state === s}
              onClick={() => void url.patchFilters({ state: s })}
              className={cn(
                "px-3 py-1.5 text-xs font-medium",
                f.state === s
                  ? "bg-brand-600 text-white"
                  : "bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              {t(`filters.states.${s}`)}
            </button>
          ))}
        </div>
        <select
          aria-label={t("filters.severity")}
          value={f.severity ?? ""}
          onChange={(e) =>
            void url.patchFilters({
              severity: (e.target.value || undefined) as TAlert["severity"] | undefined,
            })
          }
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">{t("filters.allSeverities")}</option>
          <option value="critical">{t("filters.critical")}</option>
          <option value="warning">{t("filters.warning")}</option>
        </select>
        {canManage ? (
          <Button
            className="ml-auto"
            variant="secondary"
            disabled={evaluate.isPending}
            onClick={() => evaluate.mutate()}
          >
            {evaluate.isPending ? t("checking") : t("checkNow")}
          </Button>
        ) : null}
      </div>
      <div className="space-y-2 px-5 pt-3">
        <ErrorNote error={list.error ?? ack.error ?? resolve.error ?? evaluate.error} />
      </div>
      <DataTable
        label={t("label")}
        columns={columns}
        rows={rows}
        rowKey={(a) => a.id}
        rowProps={(a) => ({
          "data-testid": "alert-row",
          "data-rule": a.rule,
          "data-state": a.state,
        })}
        loading={list.isPending}
        empty={t("empty")}
      />
      <ListFooter list={list} more={t("more")} />
    </div>
  );
}
