"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { DataTable, type TColumn } from "../ui/data-table";
import { ErrorNote } from "../ui/error-note";
import { CopyButton } from "../ui/copy-button";
import { wordsOf } from "./server-words";
import { useKeyInspection } from "./use-investigation";

type TKeyData = NonNullable<ReturnType<typeof useKeyInspection>["data"]>;
type TDiffRow = TKeyData["mismatch"]["diffs"][number]["diff"][number];
type TKeyAttempt = TKeyData["attempts"][number];

// One idempotency key: what it is for, its lease, every attempt sent with it, the time left in
// Mono's 24 h window, and a field-by-field diff when it was used with another payload.
export function IdempotencyInspector({ idempotencyKey }: { idempotencyKey: string }) {
  const t = useTranslations("investigation.key");
  const tr = useTranslations("investigation.recovery"); // the payload reasons' words, by code
  const f = useFormat();
  const stateLabel = useStateLabel();
  const diffColumns: TColumn<TDiffRow>[] = [
    { id: "path", header: t("h.field"), className: "font-mono", cell: (x) => x.path },
    {
      id: "before",
      header: t("h.stored"),
      className: "break-all font-mono text-red-700",
      cell: (x) => (x.change === "added" ? "—" : JSON.stringify(x.before)),
    },
    {
      id: "after",
      header: t("h.sent"),
      className: "break-all font-mono text-emerald-700",
      cell: (x) => (x.change === "removed" ? "—" : JSON.stringify(x.after)),
    },
  ];

  const attemptColumns: TColumn<TKeyAttempt>[] = [
    {
      id: "at",
      header: t("h.when"),
      sortValue: (a) => a.at,
      className: "whitespace-nowrap text-slate-600",
      cell: (a) => f.when(a.at),
    },
    {
      id: "request",
      header: t("h.request"),
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
      header: t("h.status"),
      sortValue: (a) => a.status ?? 0,
      cell: (a) => (
        <>
          {a.status ?? "—"} {a.errorCode ? <code className="text-xs">{a.errorCode}</code> : null}
        </>
      ),
    },
    {
      id: "wait",
      header: t("h.wait"),
      className: "text-xs",
      cell: (a) => (a.delayBeforeMs ? `${f.duration(a.delayBeforeMs)} (${a.delayReason})` : "—"),
    },
    {
      id: "latency",
      header: t("h.latency"),
      sortValue: (a) => a.durationMs,
      className: "text-xs",
      cell: (a) => f.duration(a.durationMs),
    },
    {
      id: "log",
      header: t("h.log"),
      className: "font-mono text-xs",
      cell: (a) =>
        a.monoLogId ? (
          <span className="inline-flex items-center gap-1">
            <span className="break-all">{a.monoLogId}</span>
            <CopyButton value={a.monoLogId} label={t("copyLog")} iconOnly />
          </span>
        ) : (
          "—"
        ),
    },
  ];
  const { data, error, isPending } = useKeyInspection(idempotencyKey);
  if (isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (!data) return <ErrorNote error={error} />;
  const { operation: op, lease, window: w, mismatch } = data;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={t("state")}
          actions={<CopyButton value={data.key} label={t("copyKey")} />}
        />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-5 py-4 text-sm sm:grid-cols-2">
          <Fact label={t("operation")}>
            {op ? (
              <>
                <Link
                  className="font-mono text-brand-700 hover:underline"
                  href={`/operations/${op.id}`}
                >
                  {op.id}
                </Link>{" "}
                · {stateLabel(op.state)} ·{" "}
                <Link
                  className="text-brand-700 hover:underline"
                  href={`/operations/${op.id}/timeline`}
                >
                  {t("timeline")}
                </Link>
              </>
            ) : (
              t("noOperation")
            )}
          </Fact>
          <Fact label={t("lease")}>
            {lease.active ? (
              <Badge tone="yellow">{t("leaseHeld", { holder: lease.lockedBy ?? "?" })}</Badge>
            ) : (
              t("leaseFree")
            )}
            {lease.ageMs !== null
              ? ` · ${t("leaseAge", { duration: f.duration(lease.ageMs) })}`
              : ""}
          </Fact>
          <Fact label={t("window")}>
            {w.startedAt ? (
              w.expired ? (
                <Badge tone="red">{t("windowExpired", { when: f.when(w.endsAt) })}</Badge>
              ) : (
                <span data-testid="window-left">
                  {t("windowLeft", { duration: f.duration(w.leftMs), when: f.when(w.endsAt) })}
                </span>
              )
            ) : (
              t("windowNotStarted")
            )}
          </Fact>
          <Fact label={t("attempts")}>
            {data.attempts.length}
            {op ? ` ${t("claims", { count: op.attemptCount })}` : ""}
          </Fact>
          <Fact label={t("payload")}>
            {mismatch.detected ? (
              <Badge tone="red">{t("payloadReused")}</Badge>
            ) : (
              <Badge tone="green">{t("payloadSame")}</Badge>
            )}
          </Fact>
          {op?.lastErrorCode ? <Fact label={t("lastError")}>{op.lastErrorCode}</Fact> : null}
        </dl>
      </Card>
      {mismatch.detected ? (
        <Card>
          <CardHeader
            title={t("mismatch")}
            description={t("mismatchHint", {
              baseline:
                mismatch.baseline === "first logged body" ? t("firstBody") : t("storedBody"),
            })}
          />
          <ul className="list-disc px-10 py-3 text-sm text-red-800">
            {wordsOf(tr, "payloadReasons", mismatch.reasons, mismatch.reasonCodes).map((r, i) => (
              <li key={mismatch.reasons[i]}>{r}</li>
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
                {d.monoLogId ? <code>{d.monoLogId}</code> : null} · {f.when(d.at)}
              </p>
              <DataTable
                label={t("diffLabel", { id: d.requestId })}
                testId="payload-diff"
                columns={diffColumns}
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
        <CardHeader title={t("attemptsLabel")} />
        <DataTable
          label={t("attemptsLabel")}
          columns={attemptColumns}
          rows={data.attempts}
          rowKey={(a) => a.requestId}
          empty={t("noAttempts")}
          dense
        />
      </Card>
      {data.consoleRequests.length ? (
        <Card>
          <CardHeader title={t("consoleRequests")} description={t("consoleRequestsHint")} />
          <ul className="divide-y divide-slate-100 text-sm">
            {data.consoleRequests.map((c) => (
              <li key={c.createdAt + c.route} className="px-5 py-2">
                {c.route} · {c.state} · {c.responseStatus ?? "—"} · {c.user ?? "?"} ·{" "}
                {f.when(c.createdAt)} ·{" "}
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
