"use client";

import Link from "next/link";
import { formatMs, formatWhen } from "../operations/format-time";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { CopyButton } from "../ui/copy-button";
import { useKeyInspection } from "./use-investigation";

type TKeyData = NonNullable<ReturnType<typeof useKeyInspection>["data"]>;
type TDiffRow = TKeyData["mismatch"]["diffs"][number]["diff"][number];
type TKeyAttempt = TKeyData["attempts"][number];

const TEXT = {
  diffLabel: (id: string) => `Fields that differ in ${id}`,
  attemptsLabel: "Attempts with this key",
  noAttempts: "Nothing was sent to Mono with this key.",
  h: {
    field: "Field",
    stored: "Stored",
    sent: "Sent",
    when: "When",
    request: "Request",
    status: "Status",
    wait: "Wait before",
    latency: "Latency",
    log: "Mono log id",
  },
};

const DIFF_COLUMNS: TColumn<TDiffRow>[] = [
  { id: "path", header: TEXT.h.field, className: "font-mono", cell: (x) => x.path },
  {
    id: "before",
    header: TEXT.h.stored,
    className: "break-all font-mono text-red-700",
    cell: (x) => (x.change === "added" ? "—" : JSON.stringify(x.before)),
  },
  {
    id: "after",
    header: TEXT.h.sent,
    className: "break-all font-mono text-emerald-700",
    cell: (x) => (x.change === "removed" ? "—" : JSON.stringify(x.after)),
  },
];

const ATTEMPT_COLUMNS: TColumn<TKeyAttempt>[] = [
  {
    id: "at",
    header: TEXT.h.when,
    sortValue: (a) => a.at,
    className: "whitespace-nowrap text-slate-600",
    cell: (a) => formatWhen(a.at),
  },
  {
    id: "request",
    header: TEXT.h.request,
    cell: (a) => (
      <Link
        className="font-mono text-xs text-brand-700 hover:underline"
        href={`/requests/${a.requestId}`}
      >
        {a.endpoint} #{a.attempt}
      </Link>
    ),
  },
  {
    id: "status",
    header: TEXT.h.status,
    sortValue: (a) => a.status ?? 0,
    cell: (a) => (
      <>
        {a.status ?? "—"} {a.errorCode ? <code className="text-xs">{a.errorCode}</code> : null}
      </>
    ),
  },
  {
    id: "wait",
    header: TEXT.h.wait,
    className: "text-xs",
    cell: (a) => (a.delayBeforeMs ? `${formatMs(a.delayBeforeMs)} (${a.delayReason})` : "—"),
  },
  {
    id: "latency",
    header: TEXT.h.latency,
    sortValue: (a) => a.durationMs,
    className: "text-xs",
    cell: (a) => formatMs(a.durationMs),
  },
  {
    id: "log",
    header: TEXT.h.log,
    className: "font-mono text-xs",
    cell: (a) =>
      a.monoLogId ? (
        <span className="inline-flex items-center gap-1">
          <span className="break-all">{a.monoLogId}</span>
          <CopyButton value={a.monoLogId} label="Copy Mono log id" iconOnly />
        </span>
      ) : (
        "—"
      ),
  },
];

// One idempotency key: what it is for, its lease, every attempt sent with it, the time left in
// Mono's 24 h window, and a field-by-field diff when it was used with another payload.
export function IdempotencyInspector({ idempotencyKey }: { idempotencyKey: string }) {
  const { data, error, isPending } = useKeyInspection(idempotencyKey);
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (!data) return <ErrorNote error={error} />;
  const { operation: op, lease, window: w, mismatch } = data;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="State" actions={<CopyButton value={data.key} label="Copy key" />} />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-2">
          <Fact label="Operation">
            {op ? (
              <>
                <Link
                  className="font-mono text-brand-700 hover:underline"
                  href={`/operations/${op.id}`}
                >
                  {op.id}
                </Link>{" "}
                · {op.state} ·{" "}
                <Link
                  className="text-brand-700 hover:underline"
                  href={`/operations/${op.id}/timeline`}
                >
                  timeline
                </Link>
              </>
            ) : (
              "none (not an operation's Mono key)"
            )}
          </Fact>
          <Fact label="Send lease">
            {lease.active ? <Badge tone="yellow">held by {lease.lockedBy}</Badge> : "free"}
            {lease.ageMs !== null ? ` · taken ${formatMs(lease.ageMs)} ago` : ""}
          </Fact>
          <Fact label="Mono's 24 h window">
            {w.startedAt ? (
              w.expired ? (
                <Badge tone="red">expired {formatWhen(w.endsAt)}</Badge>
              ) : (
                <span data-testid="window-left">
                  {formatMs(w.leftMs)} left (until {formatWhen(w.endsAt)})
                </span>
              )
            ) : (
              "not started: never sent"
            )}
          </Fact>
          <Fact label="Attempts">
            {data.attempts.length}
            {op ? ` (${op.attemptCount} send claims)` : ""}
          </Fact>
          <Fact label="Payload">
            {mismatch.detected ? (
              <Badge tone="red">reused with another payload</Badge>
            ) : (
              <Badge tone="green">same payload every time</Badge>
            )}
          </Fact>
          {op?.lastErrorCode ? <Fact label="Last error">{op.lastErrorCode}</Fact> : null}
        </dl>
      </Card>
      {mismatch.detected ? (
        <Card>
          <CardHeader
            title="Payload mismatch"
            description={`Compared with the ${mismatch.baseline ?? "stored body"}; document and account numbers are compared masked (last 4 kept).`}
          />
          <ul className="list-disc px-10 py-3 text-sm text-red-800">
            {mismatch.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {mismatch.diffs.map((d) => (
            <div key={d.requestId} className="border-t border-slate-100 px-5 py-3">
              <p className="text-xs text-slate-600">
                <Link
                  className="font-mono text-brand-700 hover:underline"
                  href={`/requests/${d.requestId}`}
                >
                  {d.requestId}
                </Link>{" "}
                {d.monoLogId ? <code>{d.monoLogId}</code> : null} · {formatWhen(d.at)}
              </p>
              <DataTable
                label={TEXT.diffLabel(d.requestId)}
                testId="payload-diff"
                columns={DIFF_COLUMNS}
                rows={d.diff}
                rowKey={(x) => x.path}
                dense
                className="mt-2"
              />
            </div>
          ))}
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Attempts with this key" />
        <DataTable
          label={TEXT.attemptsLabel}
          columns={ATTEMPT_COLUMNS}
          rows={data.attempts}
          rowKey={(a) => a.requestId}
          empty={TEXT.noAttempts}
          dense
        />
      </Card>
      {data.consoleRequests.length ? (
        <Card>
          <CardHeader
            title="Console write requests with this key"
            description="The console keeps only a hash of each request's payload, so a reuse here is flagged without a field diff."
          />
          <ul className="divide-y divide-slate-100 text-sm">
            {data.consoleRequests.map((c) => (
              <li key={c.createdAt + c.route} className="px-5 py-2">
                {c.route} · {c.state} · {c.responseStatus ?? "—"} · {c.user ?? "?"} ·{" "}
                {formatWhen(c.createdAt)} ·{" "}
                <code className="text-xs">{c.requestHash.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
