"use client";

import Link from "next/link";
import { Download } from "lucide-react";
import { factValue } from "./fact-value";
import { formatMs, formatWhen } from "../operations/format-time";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { cn } from "../ui/cn";
import { CopyButton } from "../ui/copy-button";
import { evidenceUrl, type TTimelineEvent } from "./api";
import { useTimeline } from "./use-investigation";

const DOT: Record<TTimelineEvent["tone"], string> = {
  neutral: "bg-slate-400",
  good: "bg-emerald-500",
  bad: "bg-red-500",
  warn: "bg-amber-500",
};
const KIND_LABEL: Record<TTimelineEvent["kind"], string> = {
  created: "created",
  policy: "policy",
  approval: "approval",
  attempt: "attempt",
  confirmation: "confirmation",
  webhook: "webhook",
  state: "state",
  reconciliation: "reconciliation",
  audit: "audit",
};

// Everything that happened to one operation, oldest first. Embeddable: the operation detail page
// can mount <OperationTimeline operationId=…/>; /operations/{id}/timeline shows it on its own.
export function OperationTimeline({ operationId }: { operationId: string }) {
  const { data, error, isPending } = useTimeline(operationId);
  const permalink =
    typeof window === "undefined"
      ? `/operations/${operationId}`
      : `${window.location.origin}/operations/${operationId}`;
  return (
    <Card>
      <CardHeader
        title="Timeline"
        description="Every event in time order (Bogotá time): creation, policy, approvals, each attempt to Mono with the wait before it, webhooks, confirmations, reconciliation and audit."
        actions={
          <div className="flex shrink-0 items-center gap-2">
            <CopyButton value={permalink} label="Copy permalink" />
            <a
              href={evidenceUrl(operationId)}
              className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
              download
            >
              <Download className="h-3 w-3" aria-hidden /> Evidence bundle
            </a>
          </div>
        }
      />
      <ErrorNote error={error} />
      {isPending ? <p className="p-5 text-sm text-slate-500">Loading…</p> : null}
      <ol className="relative space-y-0 px-5 py-4" data-testid="timeline">
        {data?.events.map((e, i) => (
          <EventRow key={`${e.at}-${i}`} event={e} />
        ))}
      </ol>
      {data?.truncated ? (
        <p className="px-5 pb-4 text-xs text-amber-700">
          Very long history: the first 1,000 events of each kind are shown.
        </p>
      ) : null}
    </Card>
  );
}

function EventRow({ event: e }: { event: TTimelineEvent }) {
  const d = e.details;
  return (
    <li
      className="relative border-l border-slate-200 pb-4 pl-5 last:pb-0"
      data-testid={`event-${e.kind}`}
    >
      <span
        className={cn(
          "absolute -left-1.5 top-1.5 h-3 w-3 rounded-full ring-2 ring-white",
          DOT[e.tone],
        )}
        aria-hidden
      />
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <time className="font-mono text-xs text-slate-500" dateTime={e.at}>
          {formatWhen(e.at)}
        </time>
        <span className="rounded bg-slate-100 px-1.5 text-[11px] uppercase tracking-wide text-slate-600">
          {KIND_LABEL[e.kind]}
        </span>
        <span className="text-sm font-medium text-slate-900">{e.title}</span>
        {e.actor ? <span className="text-xs text-slate-500">by {e.actor}</span> : null}
      </div>
      {e.kind === "attempt" || e.kind === "confirmation" ? (
        <AttemptFacts e={e} />
      ) : (
        <Facts details={d} />
      )}
    </li>
  );
}

function AttemptFacts({ e }: { e: TTimelineEvent }) {
  const d = e.details as {
    latencyMs: number;
    delayBeforeMs: number;
    delayReason: string | null;
    observedGapMs: number | null;
  };
  return (
    <div className="mt-1 space-y-1 text-xs text-slate-600">
      {d.delayReason ? (
        <p data-testid="attempt-delay">
          Waited <strong>{formatMs(d.delayBeforeMs)}</strong> before this attempt ({d.delayReason})
          {d.observedGapMs !== null
            ? `; ${formatMs(d.observedGapMs)} after the previous one ended`
            : ""}
          .
        </p>
      ) : null}
      <p className="flex flex-wrap items-center gap-2">
        <span>latency {formatMs(d.latencyMs)}</span>
        {e.ids.requestId ? (
          <Link
            href={`/requests/${e.ids.requestId}`}
            className="font-mono text-brand-700 hover:underline"
          >
            {e.ids.requestId}
          </Link>
        ) : null}
        {e.ids.monoLogId ? (
          <>
            <code className="font-mono">{e.ids.monoLogId}</code>
            <CopyButton value={e.ids.monoLogId} label="Copy log id" />
          </>
        ) : null}
        {e.ids.idempotencyKey ? (
          <Link
            href={`/idempotency/${e.ids.idempotencyKey}`}
            className="text-brand-700 hover:underline"
          >
            key
          </Link>
        ) : null}
      </p>
    </div>
  );
}

function Facts({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details).filter(
    ([, v]) =>
      v !== null &&
      v !== undefined &&
      v !== "" &&
      !(typeof v === "object" && Object.keys(v as object).length === 0),
  );
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-slate-500">{k}</dt>
          <dd className="max-w-md truncate font-mono" title={factValue(k, v)}>
            {factValue(k, v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
