"use client";

import { useTranslations } from "next-intl";
import { DRIFT_KINDS, ZFindingListQuery } from "@/lib/reconcile/list-query";
import { DataTable } from "../ui/data-table";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { ErrorNote } from "../ui/error-note";
import type { TFindingFilters } from "./api";
import { useFindingColumns } from "./finding-row";
import { RunsCard } from "./runs-card";
import { useFindings, useResolveFinding } from "./use-reconciliation";
import { Card, CardHeader } from "../ui/card";

const select = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

const KEYS = ["status", "severity", "kind", "runId"] as const;
// Filters (?status=&severity=&kind=&runId=) in the URL, parsed with the API's schema.
function useFindingFilters() {
  const url = useUrlFilters(ZFindingListQuery, KEYS);
  const f: TFindingFilters = { ...url.filters, status: url.filters.status ?? "open" };
  return { f, set: (next: TFindingFilters) => void url.setFilters(next) };
}

export function ReconciliationView({ canRun }: { canRun: boolean }) {
  const { f, set } = useFindingFilters();
  const list = useFindings(f);
  const resolve = useResolveFinding();
  const rows = list.data?.pages.flatMap((p) => p.findings) ?? [];
  const t = useTranslations("reconciliation");
  const columns = useFindingColumns({
    canResolve: canRun,
    busy: resolve.isPending,
    onResolve: (d, reason) => resolve.mutate({ id: d.id, reason }),
  });
  return (
    <div className="space-y-6">
      <Card>
        <RunsCard canRun={canRun} onPickRun={(runId) => set({ ...f, runId, status: "all" })} />
      </Card>
      <Card>
        <CardHeader title={t("findings.title")} description={t("findings.hint")} />
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
          <select
            aria-label={t("findings.status")}
            className={select}
            value={f.status}
            onChange={(e) => set({ ...f, status: e.target.value as TFindingFilters["status"] })}
          >
            <option value="open">{t("findings.open")}</option>
            <option value="resolved">{t("findings.resolved")}</option>
            <option value="all">{t("findings.all")}</option>
          </select>
          <select
            aria-label={t("findings.severity")}
            className={select}
            value={f.severity ?? ""}
            onChange={(e) =>
              set({ ...f, severity: (e.target.value || undefined) as TFindingFilters["severity"] })
            }
          >
            <option value="">{t("findings.allSeverities")}</option>
            <option value="critical">{t("findings.critical")}</option>
            <option value="warning">{t("findings.warning")}</option>
          </select>
          <select
            aria-label={t("findings.kind")}
            className={select}
            value={f.kind ?? ""}
            onChange={(e) =>
              set({ ...f, kind: (e.target.value || undefined) as TFindingFilters["kind"] })
            }
          >
            <option value="">{t("findings.allKinds")}</option>
            {DRIFT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          {f.runId ? (
            <button
              type="button"
              className="text-sm text-brand-700 hover:underline"
              onClick={() => set({ ...f, runId: undefined })}
            >
              {t("findings.run", { id: f.runId })}
            </button>
          ) : null}
        </div>
        <div className="space-y-2 px-5 pt-3">
          <ErrorNote error={list.error ?? resolve.error} />
        </div>
        <DataTable
          label={t("findings.label")}
          columns={columns}
          rows={rows}
          rowKey={(d) => d.id}
          rowProps={(d) => ({ "data-testid": "finding-row", "data-kind": d.kind })}
          loading={list.isPending}
          empty={t("findings.empty")}
        />
        <ListFooter list={list} more={t("findings.more")} />
      </Card>
    </div>
  );
}
