"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Download } from "lucide-react";
import {
  MONO_ENDPOINTS,
  REQUEST_RANGES,
  ZRequestFilters,
} from "@/lib/investigation/request-filters";
import { STATUS_CLASSES } from "@/lib/metrics/status-classes";
import { formatMs, formatWhen } from "../operations/format-time";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { exportUrl, type TRequestQuery } from "./api";
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

// The request log: one row per HTTP attempt to Mono. The URL holds the filters (parsed by the same
// schema as the server), so a pasted link shows exactly these rows.
export function RequestList() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const q: TRequestQuery = Object.fromEntries(
    KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const parsed = ZRequestFilters.safeParse(q);
  const list = useRequestList(parsed.success ? q : {});
  const rows = list.data?.pages.flatMap((p) => p.requests) ?? [];

  function apply(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const k of KEYS) {
      const v = k === "statusClass" ? f.getAll(k).join(",") : String(f.get(k) ?? "").trim();
      if (v) next.set(k, v);
    }
    router.replace(`${pathname}?${next}`);
  }

  const selected = new Set((q.statusClass ?? "").split(",").filter(Boolean));
  return (
    <div>
      <form
        onSubmit={apply}
        className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
        aria-label="Filter requests"
      >
        <fieldset className="text-sm font-medium text-slate-700">
          <legend>Status class</legend>
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
          Endpoint
          <select
            name="endpoint"
            defaultValue={q.endpoint ?? ""}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-2 text-sm"
          >
            <option value="">any</option>
            {MONO_ENDPOINTS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          error_code
          <input
            name="errorCode"
            defaultValue={q.errorCode ?? ""}
            placeholder="e.g. rate_limited"
            className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Time range
          <select
            name="range"
            defaultValue={q.range ?? "24h"}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-2 text-sm"
          >
            {Object.keys(REQUEST_RANGES).map((r) => (
              <option key={r} value={r}>
                last {r}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Operation
          <input
            name="operationId"
            defaultValue={q.operationId ?? ""}
            placeholder="op_…"
            className="mt-1 block w-64 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
          />
        </label>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <a
          href={exportUrl(parsed.success ? q : {})}
          className="ml-auto inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
          download
        >
          <Download className="h-4 w-4" aria-hidden /> Export CSV
        </a>
      </form>
      {!parsed.success ? (
        <p role="alert" className="px-5 py-2 text-sm text-red-700">
          Some filters in the link are invalid and were ignored:{" "}
          {parsed.error.issues.map((i) => i.path.join(".")).join(", ")}
        </p>
      ) : null}
      <ErrorNote error={list.error} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="request-list">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">When (Bogotá)</th>
              <th className="px-4 py-2 font-medium">Request · Mono log id</th>
              <th className="px-4 py-2 font-medium">Status</th>
              <th className="px-4 py-2 font-medium">Attempt · latency</th>
              <th className="px-4 py-2 font-medium">Operation</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.requestId} className="align-top">
                <td className="whitespace-nowrap px-4 py-2 text-slate-600">{formatWhen(r.at)}</td>
                <td className="px-4 py-2">
                  <Link
                    href={`/requests/${r.requestId}`}
                    className="text-brand-700 hover:underline"
                  >
                    <span className="font-medium">{r.method}</span>{" "}
                    <span className="break-all font-mono text-xs">{r.path}</span>
                  </Link>
                  {/* Mono's log_ id on its own line: the table fits a laptop screen without scrolling. */}
                  <div className="font-mono text-xs text-slate-500">{r.monoLogId ?? "—"}</div>
                </td>
                <td className="px-4 py-2">
                  <Badge tone={TONE[r.statusClass] ?? "gray"}>{r.status ?? r.statusClass}</Badge>{" "}
                  {r.errorCode ? <code className="text-xs">{r.errorCode}</code> : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2 text-xs">
                  #{r.attempt} · {formatMs(r.durationMs)}
                  {r.delayBeforeMs ? (
                    <div className="text-slate-500">waited {formatMs(r.delayBeforeMs)}</div>
                  ) : null}
                </td>
                <td className="px-4 py-2 font-mono text-xs">
                  {r.operationId ? (
                    <Link
                      href={`/operations/${r.operationId}`}
                      className="text-brand-700 hover:underline"
                    >
                      {r.operationId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      {!list.isPending && rows.length === 0 ? (
        <p className="p-5 text-sm text-slate-500">No requests match these filters.</p>
      ) : null}
      {list.hasNextPage ? (
        <div className="p-4 text-center">
          <Button
            variant="secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load older requests"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
