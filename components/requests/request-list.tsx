"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  MONO_ENDPOINTS,
  REQUEST_RANGES,
  ZRequestFilters,
} from "@/lib/investigation/request-filters";
import { STATUS_CLASSES } from "@/lib/metrics/status-classes";
import { useFormat } from "../i18n/use-format";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { ListFooter } from "../ui/list-footer";
import { useUrlFilters } from "../url-state/use-url-filters";
import { toQueryStrings } from "../url-state/zod-parsers";
import { ExportLinks } from "../ui/export-links";
import { exportUrl, type TRequestQuery, type TRequestRow } from "./api";
import { useRequestList } from "./use-requests";

const KEYS = ["statusClass", "endpoint", "errorCode", "range", "operationId"] as const;
const TONE: Record<string, "green" | "yellow" | "red" | "purple" | "gray"> = {
  "2xx": "green",
  "4xx": "yellow",
  "409": "purple",
  "429": "yellow",
  "5xx": "red",
  network: "red",
};
const field = "mt-1 block rounded-md border border-slate-300 px-2 py-2 text-sm";

// The request log: one row per HTTP attempt to Mono. The URL holds the filters (parsed by the same
// schema as the server), so a pasted link shows exactly these rows.
export function RequestList() {
  const t = useTranslations("requests.list");
  const fmt = useFormat();
  const url = useUrlFilters(ZRequestFilters, KEYS);
  const f = url.filters;
  const q: TRequestQuery = toQueryStrings(f);
  const list = useRequestList(q);
  const rows = list.data?.pages.flatMap((p) => p.requests) ?? [];
  const columns: TColumn<TRequestRow>[] = [
    {
      id: "at",
      header: t("h.when"),
      sortValue: (r) => r.at,
      className: "whitespace-nowrap text-slate-600",
      cell: (r) => fmt.when(r.at),
    },
    {
      id: "request",
      header: t("h.request"),
      sortValue: (r) => r.path,
      canHide: false,
      cell: (r) => (
        <>
          <Link href={`/requests/${r.requestId}`} className="text-brand-700 hover:underline">
            <span className="font-medium">{r.method}</span>{" "}
            <span className="break-all font-mono text-xs">{r.path}</span>
          </Link>
          <div className="break-all font-mono text-xs text-slate-600">{r.monoLogId ?? "—"}</div>
        </>
      ),
    },
    {
      id: "status",
      header: t("h.status"),
      sortValue: (r) => r.status ?? 0,
      cell: (r) => (
        <>
          <Badge tone={TONE[r.statusClass] ?? "gray"}>{r.status ?? r.statusClass}</Badge>{" "}
          {r.errorCode ? <code className="break-all text-xs">{r.errorCode}</code> : null}
        </>
      ),
    },
    {
      id: "attempt",
      header: t("h.attempt"),
      sortValue: (r) => r.durationMs,
      className: "whitespace-nowrap text-xs",
      cell: (r) => (
        <>
          #{r.attempt} · {fmt.duration(r.durationMs)}
          {r.delayBeforeMs ? (
            <div className="text-slate-600">
              {t("waited", { duration: fmt.duration(r.delayBeforeMs) })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      id: "operation",
      header: t("h.operation"),
      sortValue: (r) => r.operationId,
      className: "break-all font-mono text-xs",
      cell: (r) =>
        r.operationId ? (
          <Link href={`/operations/${r.operationId}`} className="text-brand-700 hover:underline">
            {r.operationId}
          </Link>
        ) : (
          "—"
        ),
    },
  ];

  function apply(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const raw: Record<string, string> = {};
    for (const k of KEYS) {
      const v = k === "statusClass" ? form.getAll(k).join(",") : String(form.get(k) ?? "").trim();
      if (v) raw[k] = v;
    }
    const parsed = ZRequestFilters.partial().safeParse(raw);
    void url.setFilters(parsed.success ? parsed.data : {});
  }

  const selected = new Set<string>(f.statusClass ?? []);
  return (
    <div>
      <form
        key={JSON.stringify(q)}
        onSubmit={apply}
        className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
        aria-label={t("filters")}
      >
        <fieldset className="text-sm font-medium text-slate-700">
          <legend>{t("statusClass")}</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {STATUS_CLASSES.map((c) => (
              <label key={c} className="inline-flex items-center gap-1 text-xs font-normal">
                <input
                  type="checkbox"
                  name="statusClass"
                  value={c}
                  defaultChecked={selected.has(c)}
                />{" "}
                {c}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="text-sm font-medium text-slate-700">
          {t("endpoint")}
          <select name="endpoint" defaultValue={f.endpoint ?? ""} className={field}>
            <option value="">{t("any")}</option>
            {MONO_ENDPOINTS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("errorCode")}
          <input
            name="errorCode"
            defaultValue={f.errorCode ?? ""}
            placeholder={t("errorCodeHint")}
            className={field + " w-40 px-3"}
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("range")}
          <select name="range" defaultValue={f.range ?? "24h"} className={field}>
            {Object.keys(REQUEST_RANGES).map((r) => (
              <option key={r} value={r}>
                {t(`ranges.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("operation")}
          <input
            name="operationId"
            defaultValue={f.operationId ?? ""}
            placeholder="op_…"
            className={field + " w-56 px-3 font-mono"}
          />
        </label>
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        <div className="ml-auto text-sm">
          <ExportLinks href={exportUrl(q)} />
        </div>
      </form>
      {url.invalid ? (
        <p role="alert" className="px-5 py-2 text-sm text-red-700">
          {t("invalid")}
        </p>
      ) : null}
      <ErrorNote error={list.error} />
      <DataTable
        label={t("label")}
        testId="request-list"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.requestId}
        loading={list.isPending}
        empty={t("empty")}
        columnMenu
      />
      <ListFooter list={list} more={t("more")} />
    </div>
  );
}
