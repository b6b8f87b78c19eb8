"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ListFooter } from "../ui/list-footer";
import { ErrorNote } from "../ui/error-note";
import { auditKeys, fetchAuditPage, fetchAuditVerdict, type TAuditFilters } from "./api";

// Filters live in the URL so a link reproduces exactly what the admin saw.
export function AuditLog() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters: TAuditFilters = {
    action: params.get("action") ?? undefined,
    actor: params.get("actor") ?? undefined,
    targetId: params.get("targetId") ?? undefined,
  };
  const list = useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verdict = useQuery({
    queryKey: auditKeys.verify(),
    queryFn: ({ signal }) => fetchAuditVerdict(signal),
    enabled: false,
  });

  function applyFilters(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const q = new URLSearchParams();
    for (const k of ["action", "actor", "targetId"]) {
      const v = String(f.get(k) ?? "").trim();
      if (v) q.set(k, v);
    }
    router.replace(`${pathname}?${q}`);
  }

  const rows = list.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div>
      <form
        onSubmit={applyFilters}
        className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4"
        aria-label="Filter audit log"
      >
        {(["action", "actor", "targetId"] as const).map((k) => (
          <label key={k} className="text-sm font-medium text-slate-700">
            {k === "actor" ? "Actor email" : k === "targetId" ? "Target id" : "Action"}
            <input
              name={k}
              defaultValue={filters[k] ?? ""}
              placeholder={k === "action" ? "e.g. auth.lockout" : ""}
              className="mt-1 block w-56 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
        ))}
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        <div className="ml-auto flex items-center gap-2">
          {verdict.data ? (
            verdict.data.ok ? (
              <Badge tone="green">chain intact · {verdict.data.rows} rows</Badge>
            ) : (
              <Badge tone="red">chain broken at #{verdict.data.brokenAtSeq}</Badge>
            )
          ) : null}
          <Button
            type="button"
            variant="secondary"
            onClick={() => verdict.refetch()}
            disabled={verdict.isFetching}
          >
            {verdict.isFetching ? "Verifying…" : "Verify hash chain"}
          </Button>
        </div>
      </form>
      <ErrorNote error={list.error ?? verdict.error} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">#</th>
              <th className="px-5 py-2 font-medium">When (Bogotá)</th>
              <th className="px-5 py-2 font-medium">Actor</th>
              <th className="px-5 py-2 font-medium">Action</th>
              <th className="px-5 py-2 font-medium">Target</th>
              <th className="px-5 py-2 font-medium">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.seq} className="align-top">
                <td className="px-5 py-2 font-mono text-xs text-slate-500">{r.seq}</td>
                <td className="whitespace-nowrap px-5 py-2 text-slate-600">
                  {new Date(r.at).toLocaleString("es-CO", { timeZone: "America/Bogota" })}
                </td>
                <td className="px-5 py-2">
                  {r.actorEmail ?? <span className="text-slate-400">system</span>}
                </td>
                <td className="px-5 py-2">
                  <code className="text-xs">{r.action}</code>
                </td>
                <td className="px-5 py-2 font-mono text-xs">{r.targetId ?? ""}</td>
                <td
                  className="max-w-xs truncate px-5 py-2 font-mono text-xs text-slate-600"
                  title={JSON.stringify(r.details)}
                >
                  {Object.keys(r.details).length ? JSON.stringify(r.details) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        list={list}
        count={rows.length}
        empty="No audit events match these filters."
        more="Load older events"
      />
    </div>
  );
}
