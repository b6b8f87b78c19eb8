"use client";

import { CheckCircle2, CircleSlash, TriangleAlert, XCircle, type LucideIcon } from "lucide-react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { formatFull } from "../charts/time-format";
import type { TCheckStatus } from "./api";
import { useReadiness } from "./use-readiness";

// Icon colour, and the status word's colour (darker: it must read at 4.5:1 on white).
const LOOK: Record<TCheckStatus, { icon: LucideIcon; color: string; text: string; label: string }> =
  {
    pass: {
      icon: CheckCircle2,
      color: "text-emerald-600",
      text: "text-emerald-800",
      label: "pass",
    },
    warn: { icon: TriangleAlert, color: "text-amber-600", text: "text-amber-800", label: "warn" },
    fail: { icon: XCircle, color: "text-red-600", text: "text-red-700", label: "fail" },
    skip: { icon: CircleSlash, color: "text-slate-500", text: "text-slate-600", label: "skipped" },
  };

// The pre-launch checks with a verdict and, for anything but a pass, the fix.
export function ReadinessReport() {
  const q = useReadiness();
  const r = q.data;
  return (
    <div>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 px-5 py-4">
        {r ? <Badge tone={r.ok ? "green" : "red"}>{r.ok ? "ready" : "not ready"}</Badge> : null}
        {r ? (
          <span className="text-sm text-slate-600">
            MONO_ENV={r.environment} · run {formatFull(r.at, "bogota")}
          </span>
        ) : null}
        <Button
          className="ml-auto"
          variant="secondary"
          onClick={() => q.refetch()}
          disabled={q.isFetching}
        >
          {q.isFetching ? "Running…" : "Run again"}
        </Button>
      </div>
      <div className="px-5 pt-3">
        <ErrorNote error={q.error} />
      </div>
      {q.isPending ? (
        <p className="p-5 text-sm text-slate-600">Running the checks (live calls to Mono)…</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {r?.checks.map((c) => {
          const look = LOOK[c.status];
          return (
            <li
              key={c.id}
              className="flex gap-3 px-5 py-3"
              data-testid="readiness-check"
              data-check={c.id}
              data-status={c.status}
            >
              <look.icon className={`mt-0.5 h-5 w-5 shrink-0 ${look.color}`} aria-hidden />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {c.title} <span className={`text-xs font-normal ${look.text}`}>{look.label}</span>
                  {c.ms !== undefined ? (
                    <span className="text-xs font-normal text-slate-600"> · {c.ms} ms</span>
                  ) : null}
                </p>
                <p className="break-words text-sm text-slate-600">{c.detail}</p>
                {c.fix && c.status !== "pass" ? (
                  <p className="mt-1 text-sm text-slate-800">
                    <span className="font-medium">Fix: </span>
                    {c.fix}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
