"use client";

import Link from "next/link";
import { formatMs, formatWhen } from "../operations/format-time";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { CopyButton } from "./copy-button";
import { useKeyInspection } from "./use-investigation";

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
              <table className="mt-2 w-full text-left text-xs" data-testid="payload-diff">
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1 pr-4 font-medium">Field</th>
                    <th className="py-1 pr-4 font-medium">Stored</th>
                    <th className="py-1 font-medium">Sent</th>
                  </tr>
                </thead>
                <tbody className="font-mono">
                  {d.diff.map((x) => (
                    <tr key={x.path}>
                      <td className="py-1 pr-4">{x.path}</td>
                      <td className="py-1 pr-4 text-red-700">
                        {x.change === "added" ? "—" : JSON.stringify(x.before)}
                      </td>
                      <td className="py-1 text-emerald-700">
                        {x.change === "removed" ? "—" : JSON.stringify(x.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Attempts with this key" />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-2">When</th>
                <th className="px-5 py-2">Request</th>
                <th className="px-5 py-2">Status</th>
                <th className="px-5 py-2">Wait before</th>
                <th className="px-5 py-2">Latency</th>
                <th className="px-5 py-2">Mono log id</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.attempts.map((a) => (
                <tr key={a.requestId}>
                  <td className="whitespace-nowrap px-5 py-2 text-slate-600">{formatWhen(a.at)}</td>
                  <td className="px-5 py-2">
                    <Link
                      className="font-mono text-xs text-brand-700 hover:underline"
                      href={`/requests/${a.requestId}`}
                    >
                      {a.endpoint} #{a.attempt}
                    </Link>
                  </td>
                  <td className="px-5 py-2">
                    {a.status ?? "—"}{" "}
                    {a.errorCode ? <code className="text-xs">{a.errorCode}</code> : null}
                  </td>
                  <td className="px-5 py-2 text-xs">
                    {a.delayBeforeMs ? `${formatMs(a.delayBeforeMs)} (${a.delayReason})` : "—"}
                  </td>
                  <td className="px-5 py-2 text-xs">{formatMs(a.durationMs)}</td>
                  <td className="px-5 py-2 font-mono text-xs">{a.monoLogId ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
