"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
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

export function FindingRow({
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
  return (
    <tr className="align-top" data-testid="finding-row" data-kind={f.kind}>
      <td className="px-5 py-3">
        <Badge tone={SEVERITY_TONE[f.severity]}>{f.severity}</Badge>
      </td>
      <td className="px-5 py-3">
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
      </td>
      <td className="whitespace-nowrap px-5 py-3 text-slate-600">{formatWhen(f.createdAt)}</td>
      <td className="px-5 py-3">
        {f.resolvedAt ? (
          <div className="text-xs text-slate-600">
            <Badge tone="green">resolved</Badge>
            <p className="mt-1">
              {formatWhen(f.resolvedAt)}
              {f.resolvedBy ? ` by ${f.resolvedBy}` : ""}
            </p>
            <p className="mt-1 max-w-xs text-slate-800">{f.resolution}</p>
          </div>
        ) : canResolve ? (
          open ? (
            <form
              className="flex max-w-xs flex-col gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                onResolve(reason);
              }}
            >
              <textarea
                aria-label="Resolution reason"
                required
                minLength={5}
                maxLength={1000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="What was found and what was done"
                className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                rows={3}
              />
              <div className="flex gap-2">
                <Button type="submit" disabled={busy || reason.trim().length < 5}>
                  Resolve
                </Button>
                <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="secondary" onClick={() => setOpen(true)}>
              Resolve…
            </Button>
          )
        ) : (
          <Badge tone="yellow">open</Badge>
        )}
      </td>
    </tr>
  );
}
