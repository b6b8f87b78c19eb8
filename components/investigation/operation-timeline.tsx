"use client";

import Link from "next/link";
import { Download } from "lucide-react";
import { useEffect, useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { ApiError } from "../api-client";
import { useOperation } from "../operations/use-operations";
import { factValue } from "./fact-value";
import { useFormat } from "../i18n/use-format";
import { useResultLabel } from "../webhooks/result-badge";
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
type TItem =
  | { kind: "event"; event: TTimelineEvent }
  | { kind: "group"; key: string; events: TTimelineEvent[] };

// An event's title in the reader's language: the words of its code (timeline.titles.<code>,
// lib/investigation/timeline-title.ts) with its params, or the server's English for a code the
// catalogue does not have.
export function useEventTitle() {
  const t = useTranslations("investigation.timeline");
  return (e: Pick<TTimelineEvent, "title" | "titleCode" | "titleParams">) => {
    const key = `titles.${e.titleCode}`;
    return e.titleCode && t.has(key) ? t(key, e.titleParams) : e.title;
  };
}

// Identical webhook lines (same type, same processing result: a 200-row batch gets ~200
// "ignored stale" updates) are shown once, with a count, at the place of the first one.
export function groupEvents(events: TTimelineEvent[], min = 3): TItem[] {
  const keyOf = (e: TTimelineEvent) =>
    e.kind === "webhook" ? `${e.title}|${String(e.details.processing ?? "")}|${e.tone}` : null;
  const counts = new Map<string, number>();
  for (const e of events) {
    const k = keyOf(e);
    if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: TItem[] = [];
  const groups = new Map<string, TTimelineEvent[]>();
  for (const e of events) {
    const k = keyOf(e);
    if (k && (counts.get(k) ?? 0) >= min) {
      const g = groups.get(k);
      if (g) g.push(e);
      else {
        const list = [e];
        groups.set(k, list);
        out.push({ kind: "group", key: k, events: list });
      }
    } else out.push({ kind: "event", event: e });
  }
  return out;
}

// Everything that happened to one operation, oldest first. Embeddable: the operation detail page
// can mount <OperationTimeline operationId=…/>; /operations/{id}/timeline shows it on its own.
// It is re-read each time the operation's status is (same moment, same cadence), so the status
// card and the timeline never disagree for long.
export function OperationTimeline({ operationId }: { operationId: string }) {
  const t = useTranslations("investigation.timeline");
  const { data, error, isPending, refetch } = useTimeline(operationId);
  const op = useOperation(operationId);
  const statusAt = op.dataUpdatedAt;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (statusAt) void refetch();
  }, [statusAt, refetch]);
  const items = useMemo(() => groupEvents(data?.events ?? []), [data]);
  if (error instanceof ApiError && error.problem.status === 404) return null;
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex shrink-0 items-center gap-2">
            <CopyButton value={`/operations/${operationId}`} label={t("copyPermalink")} />
            <a
              href={evidenceUrl(operationId)}
              className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
              download
            >
              <Download className="h-3 w-3" aria-hidden /> {t("evidence")}
            </a>
          </div>
        }
      />
      <ErrorNote error={error} />
      {isPending ? <p className="p-5 text-sm text-slate-600">{t("loading")}</p> : null}
      <ol className="relative space-y-0 px-5 py-4" data-testid="timeline">
        {items.map((it, i) =>
          it.kind === "event" ? (
            <EventRow key={`${it.event.at}-${i}`} event={it.event} />
          ) : (
            <GroupRow key={it.key} events={it.events} />
          ),
        )}
      </ol>
      {data?.truncated ? (
        <p className="px-5 pb-4 text-xs text-amber-800">{t("truncated")}</p>
      ) : null}
    </Card>
  );
}

function GroupRow({ events }: { events: TTimelineEvent[] }) {
  const t = useTranslations("investigation.timeline");
  const f = useFormat();
  const resultLabel = useResultLabel();
  const titleOf = useEventTitle();
  const e = events[0];
  const last = events[events.length - 1];
  const processing = String(e.details.processing ?? "");
  return (
    <li
      className="relative border-l border-slate-200 pb-4 pl-5 last:pb-0"
      data-testid="event-group"
      data-count={events.length}
    >
      <span
        className={cn(
          "absolute -left-1.5 top-1.5 h-3 w-3 rounded-full ring-2 ring-white",
          DOT[e.tone],
        )}
        aria-hidden
      />
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-mono text-xs text-slate-600">
          {t("groupRange", { from: f.when(e.at), to: f.when(last.at) })}
        </span>
        <span className="rounded bg-slate-100 px-1.5 text-[11px] uppercase tracking-wide text-slate-700">
          {t(`kinds.${e.kind}`)}
        </span>
        <span className="text-sm font-medium text-slate-900">
          {processing
            ? t("groupProcessing", {
                count: String(events.length),
                title: titleOf(e),
                processing: resultLabel(processing),
              })
            : t("group", { count: String(events.length), title: titleOf(e) })}
        </span>
      </div>
      <details className="mt-1 text-xs text-slate-700">
        <summary className="cursor-pointer text-brand-700">{t("showAll")}</summary>
        <ol className="mt-2">
          {events.map((x, i) => (
            <EventRow key={`${x.at}-${i}`} event={x} />
          ))}
        </ol>
      </details>
    </li>
  );
}

function EventRow({ event: e }: { event: TTimelineEvent }) {
  const t = useTranslations("investigation.timeline");
  const f = useFormat();
  const titleOf = useEventTitle();
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
        <time className="font-mono text-xs text-slate-600" dateTime={e.at}>
          {f.when(e.at)}
        </time>
        <span className="rounded bg-slate-100 px-1.5 text-[11px] uppercase tracking-wide text-slate-700">
          {t(`kinds.${e.kind}`)}
        </span>
        <span className="text-sm font-medium text-slate-900">{titleOf(e)}</span>
        {e.actor ? (
          <span className="text-xs text-slate-600">{t("by", { who: e.actor })}</span>
        ) : null}
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
  const t = useTranslations("investigation.timeline");
  const f = useFormat();
  // Attempt timings under a minute read in seconds with their decimals ("1.35 s"): backoff waits
  // are compared to the tenth of a second. Shorter and longer ones read as every duration does.
  const took = (ms: number) =>
    ms >= 1_000 && ms < 60_000 ? t("seconds", { value: ms / 1_000 }) : f.duration(ms);
  const d = e.details as {
    latencyMs: number;
    delayBeforeMs: number;
    delayReason: string | null;
    delayReasonCode?: string | null;
    observedGapMs: number | null;
  };
  // Why it waited, in the reader's language (the server's English for a reason it does not know).
  const reasonKey = `delayReasons.${d.delayReasonCode ?? ""}`;
  const reason = d.delayReasonCode && t.has(reasonKey) ? t(reasonKey) : d.delayReason;
  return (
    <div className="mt-1 space-y-1 text-xs text-slate-600">
      {d.delayReason ? (
        <p data-testid="attempt-delay">
          {t.rich(d.observedGapMs !== null ? "waitedWithGap" : "waited", {
            wait: took(d.delayBeforeMs),
            reason: reason ?? "",
            gap: d.observedGapMs !== null ? took(d.observedGapMs) : "",
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      ) : null}
      <p className="flex flex-wrap items-center gap-2">
        <span>{t("latency", { duration: took(d.latencyMs) })}</span>
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
            <CopyButton value={e.ids.monoLogId} label={t("copyLog")} />
          </>
        ) : null}
        {e.ids.idempotencyKey ? (
          <Link
            href={`/idempotency/${e.ids.idempotencyKey}`}
            className="text-brand-700 hover:underline"
          >
            {t("key")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}

function Facts({ details }: { details: Record<string, unknown> }) {
  const t = useTranslations("investigation.timeline");
  const f = useFormat();
  const entries = Object.entries(details).filter(
    ([, v]) =>
      v !== null &&
      v !== undefined &&
      v !== "" &&
      !(typeof v === "object" && Object.keys(v as object).length === 0),
  );
  if (entries.length === 0) return null;
  // Keys are the server's field names: worded when the catalogue knows them, shown as is otherwise.
  const label = (k: string) => (t.has(`facts.${k}`) ? t(`facts.${k}` as "facts.reason") : k);
  const value = (k: string, v: unknown) =>
    typeof v === "boolean" ? t(v ? "yes" : "no") : factValue(k, v, f.money);
  return (
    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-slate-600">{label(k)}</dt>
          <dd className="max-w-md truncate font-mono" title={value(k, v)}>
            {value(k, v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
