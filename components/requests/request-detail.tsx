"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
import { Badge } from "../ui/badge";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { CopyButton } from "../ui/copy-button";
import { useRequestDetail } from "./use-requests";

// One attempt to Mono: what was sent and answered (redacted when it was logged), its timing, the
// other attempts of the same call, and the operation it belongs to.
export function RequestDetail({ requestId }: { requestId: string }) {
  const t = useTranslations("requests.detail");
  const f = useFormat();
  const stateLabel = useStateLabel();
  const { data, error, isPending } = useRequestDetail(requestId);
  if (isPending) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  if (!data) return <ErrorNote error={error} />;
  const r = data.request;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title={`${r.method} ${r.path}`}
          description={r.endpoint}
          actions={<CopyButton value={r.requestId} label={t("copyId")} />}
        />
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-3">
          <Fact label={t("status")}>
            <Badge tone={r.statusClass === "2xx" ? "green" : "red"}>
              {r.status ?? t("noResponse")}
            </Badge>{" "}
            {r.errorCode ? <code className="text-xs">{r.errorCode}</code> : null}
          </Fact>
          <Fact label={t("monoLogId")}>
            {r.monoLogId ? (
              <span className="inline-flex items-center gap-2">
                <code className="font-mono text-xs" data-testid="mono-log-id">
                  {r.monoLogId}
                </code>
                <CopyButton value={r.monoLogId} label={t("copyLogId")} />
              </span>
            ) : (
              t("noLogId")
            )}
          </Fact>
          <Fact label={t("when")}>{f.when(r.at)}</Fact>
          <Fact label={t("latency")}>{f.duration(r.durationMs)}</Fact>
          <Fact label={t("waitBefore")}>
            {r.delayBeforeMs ? `${f.duration(r.delayBeforeMs)} (${r.delayReason})` : "—"}
          </Fact>
          <Fact label={t("attempt")}>
            {t.rich("attemptOf", {
              attempt: String(r.attempt),
              callId: r.callId,
              code: (chunks) => <code className="text-xs">{chunks}</code>,
            })}
          </Fact>
          <Fact label={t("idempotencyKey")}>
            {r.idempotencyKey ? (
              <Link
                className="font-mono text-xs text-brand-700 hover:underline"
                href={`/idempotency/${r.idempotencyKey}`}
              >
                {r.idempotencyKey}
              </Link>
            ) : (
              t("read")
            )}
          </Fact>
          <Fact label={t("traceId")}>
            <code className="text-xs">{r.traceId}</code>
          </Fact>
          <Fact label={t("operation")}>
            {data.operation ? (
              <>
                <Link
                  className="font-mono text-xs text-brand-700 hover:underline"
                  href={`/operations/${data.operation.id}`}
                >
                  {data.operation.id}
                </Link>{" "}
                · {f.money(data.operation.amount)} · {stateLabel(data.operation.state)} ·{" "}
                <Link
                  className="text-xs text-brand-700 hover:underline"
                  href={`/operations/${data.operation.id}/timeline`}
                >
                  {t("timeline")}
                </Link>
              </>
            ) : (
              "—"
            )}
          </Fact>
        </dl>
      </Card>
      <Card>
        <CardHeader title={t("chain")} description={t("chainHint")} />
        <ol className="divide-y divide-slate-100 text-sm" data-testid="attempt-chain">
          {data.chain.map((c) => (
            <li
              key={c.requestId}
              className={`flex flex-wrap gap-x-4 px-5 py-2 ${c.requestId === r.requestId ? "bg-brand-50" : ""}`}
            >
              <span className="font-medium">#{c.attempt}</span>
              <Link
                className="font-mono text-xs text-brand-700 hover:underline"
                href={`/requests/${c.requestId}`}
              >
                {c.requestId}
              </Link>
              <span>
                {c.status ?? t("noResponse")}
                {c.errorCode ? ` ${c.errorCode}` : ""}
              </span>
              <span className="text-xs text-slate-600">
                {c.delayBeforeMs
                  ? t("waited", {
                      duration: f.duration(c.delayBeforeMs),
                      reason: c.delayReason ?? "",
                    })
                  : t("firstAttempt")}{" "}
                · {f.duration(c.durationMs)}
              </span>
              <span className="font-mono text-xs text-slate-500">{c.monoLogId ?? ""}</span>
            </li>
          ))}
        </ol>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <JsonCard title={t("requestBody")} value={r.requestBody} />
        <JsonCard title={t("responseBody")} value={r.responseBody} />
        <JsonCard title={t("requestHeaders")} value={r.requestHeaders} />
        <JsonCard title={t("responseHeaders")} value={r.responseHeaders} />
      </div>
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

function JsonCard({ title, value }: { title: string; value: unknown }) {
  return (
    <Card>
      <CardHeader title={title} />
      <pre className="max-h-96 overflow-auto px-5 py-3 font-mono text-xs text-slate-800">
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </pre>
    </Card>
  );
}
