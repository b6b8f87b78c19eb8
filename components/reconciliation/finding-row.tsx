"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import type { TColumn } from "../ui/data-table";
import { formatWhen } from "../operations/format-time";
import type { TFinding } from "./api";

const SEVERITY_TONE = { critical: "red", warning: "yellow", info: "gray" } as const;
export const KIND_LABEL: Record<TFinding["kind"], string> = {
  missing_at_mono: "Missing at Mono",
  missing_here: "Created elsewhere",
  state_mismatch: "State mismatch",
  amount_mismatch: "Amount mismatch",
  balance_drift: "Balance drift",
};

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  return (
    <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-xs">
      {Object.entries(evidence).map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all font-mono text-slate-800">
            {Array.isArray(v)
              ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join("\n")
              : typeof v === "object" && v !== null
                ? JSON.stringify(v)
                : String(v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const TEXT = {
  resolved: "resolved",
  by: (who: string) => ` by ${who}`,
  reason: "Resolution reason",
  reasonHint: "What was found and what was done",
  resolve: "Resolve",
  resolveOpen: "Resolve…",
  cancel: "Cancel",
  open: "open",
  h: {
    severity: "Severity",
    finding: "Finding and evidence",
    found: "Found (Bogotá)",
    resolution: "Resolution",
  },
};

export function findingColumns({
  canResolve,
  busy,
  onResolve,
}: {
  canResolve: boolean;
  busy: boolean;
  onResolve: (f: TFinding, reason: string) => void;
}): TColumn<TFinding>[] {
  return [
    {
      id: "severity",
      header: TEXT.h.severity,
      sortValue: (f) => f.severity,
      cell: (f) => <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge>,
    },
    {
      id: "finding",
      header: TEXT.h.finding,
      sortValue: (f) => f.kind,
      cell: (f) => (
        <>
          <p className="font-medium text-slate-900">{KIND_LABEL[f.kind]}</p>
          <p className="mt-0.5 space-x-2 text-xs">
            {f.operationId ? (
              <Link
                className="font-mono text-brand-700 hover:underline"
                href={`/operations/${f.operationId}`}
              >
                {f.operationId}
              </Link>
            ) : null}
            {f.monoObjectId ? (
              <span className="font-mono text-slate-600">{f.monoObjectId}</span>
            ) : null}
          </p>
          <Evidence evidence={f.evidence} />
        </>
      ),
    },
    {
      id: "found",
      header: TEXT.h.found,
      sortValue: (f) => f.createdAt,
      className: "whitespace-nowrap text-slate-600",
      cell: (f) => formatWhen(f.createdAt),
    },
    {
      id: "resolution",
      header: TEXT.h.resolution,
      cell: (f) => (
        <Resolution f={f} canResolve={canResolve} busy={busy} onResolve={(r) => onResolve(f, r)} />
      ),
    },
  ];
}

function Resolution({
  f,
  canResolve,
  busy,
  onResolve,
}: {
  f: TFinding;
  canResolve: boolean;
  busy: boolean;
  onResolve: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (f.resolvedAt)
    return (
      <div className="text-xs text-slate-600">
        <Badge tone="green">{TEXT.resolved}</Badge>
        <p className="mt-1">
          {formatWhen(f.resolvedAt)}
          {f.resolvedBy ? TEXT.by(f.resolvedBy) : ""}
        </p>
        <p className="mt-1 max-w-xs text-slate-800">{f.resolution}</p>
      </div>
    );
  if (!canResolve) return <Badge tone="yellow">{TEXT.open}</Badge>;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {TEXT.resolveOpen}
      </Button>
    );
  return (
    <form
      className="flex max-w-xs flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onResolve(reason);
      }}
    >
      <textarea
        aria-label={TEXT.reason}
        required
        minLength={5}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={TEXT.reasonHint}
        className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        rows={3}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || reason.trim().length < 5}>
          {TEXT.resolve}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {TEXT.cancel}
        </Button>
      </div>
    </form>
  );
}
