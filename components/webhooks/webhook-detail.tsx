"use client";

import Link from "next/link";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Eye } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ReasonDialog } from "../ui/reason-dialog";
import { ErrorNote } from "../ui/error-note";
import { useFormat } from "../i18n/use-format";
import { useStateLabel } from "../operations/state-badge";
import { revealWebhookRequest } from "./api";
import { ResultBadge, SignatureBadge, useResultLabel } from "./result-badge";
import { useReprocessEvent, useWebhookEvent } from "./use-webhooks";

// One event: what Mono sent (pretty-printed with beneficiary numbers masked, rendered as text only;
// the raw bytes need the audited reveal: "Reveal" asks why and shows them on this screen only,
// nothing is cached), what processing did, the linked operation, and reprocess for admins.
// `canReveal` defaults to the signed-in role's pii.reveal; the server checks it again.
export function WebhookDetail({
  id,
  canReprocess,
  canReveal,
  onClose,
}: {
  id: number;
  canReprocess: boolean;
  canReveal?: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("webhooks.detail");
  const tc = useTranslations("common");
  const f = useFormat();
  const stateLabel = useStateLabel();
  const resultLabel = useResultLabel();
  const q = useWebhookEvent(id);
  const reprocess = useReprocessEvent();
  const role = useSession().data?.user?.role;
  const mayReveal = canReveal ?? (role ? can(role, "pii.reveal") : false);
  const reveal = useMutation({
    mutationFn: (v: { id: number; reason: string }) => revealWebhookRequest(v.id, v.reason),
  });
  const [asking, setAsking] = useState(false);
  // Kept with its event id: the panel stays mounted when another event is selected.
  const [clear, setClear] = useState<{ id: number; rawBody: string } | null>(null);
  const shown = clear?.id === id ? clear.rawBody : null;
  const ev = q.data?.event;

  return (
    <aside
      aria-label={t("label", { id: String(id) })}
      className="border-t border-slate-200 bg-slate-50 px-5 py-4 lg:border-l lg:border-t-0"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-sm font-semibold text-slate-900">{t("title", { id: String(id) })}</h3>
        <button
          type="button"
          onClick={onClose}
          className="text-sm text-slate-500 hover:text-slate-800"
        >
          {tc("close")}
        </button>
      </div>
      <ErrorNote error={q.error ?? reprocess.error} />
      {ev ? (
        <div className="mt-3 space-y-4 text-sm">
          <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5">
            <dt className="text-slate-500">{t("type")}</dt>
            <dd className="font-mono">{ev.type}</dd>
            <dt className="text-slate-500">{t("object")}</dt>
            <dd className="font-mono">{ev.objectId ?? "—"}</dd>
            <dt className="text-slate-500">{t("signature")}</dt>
            <dd>
              <SignatureBadge value={ev.signatureResult} />
            </dd>
            <dt className="text-slate-500">{t("generated")}</dt>
            <dd>{f.when(ev.eventTimestamp)}</dd>
            <dt className="text-slate-500">{t("received")}</dt>
            <dd>
              {f.when(ev.receivedAt)}
              {ev.deliveries > 1 ? ` · ${t("delivered", { count: ev.deliveries })}` : ""}
            </dd>
            <dt className="text-slate-500">{t("processing")}</dt>
            <dd className="space-x-2">
              <ResultBadge result={ev.processingResult} />
              {ev.external && ev.processingResult !== "external" ? (
                <Badge tone="blue">{resultLabel("external")}</Badge>
              ) : null}
              {ev.processedAt ? (
                <span className="text-slate-500">{f.when(ev.processedAt)}</span>
              ) : null}
            </dd>
            <dt className="text-slate-500">{t("operation")}</dt>
            <dd>
              {q.data?.operation ? (
                <Link
                  className="text-brand-700 hover:underline"
                  href={`/operations/${q.data.operation.id}`}
                >
                  {q.data.operation.id}
                </Link>
              ) : ev.external ? (
                t("outside")
              ) : (
                "—"
              )}
              {q.data?.operation ? (
                <span className="ml-2 text-slate-500">
                  {q.data.operation.kind} · {stateLabel(q.data.operation.state)} ·{" "}
                  {f.money(q.data.operation.amount)}
                </span>
              ) : null}
            </dd>
            <dt className="text-slate-500">{t("dedupeKey")}</dt>
            <dd className="truncate font-mono text-xs" title={ev.dedupeKey}>
              {ev.dedupeKey}
            </dd>
          </dl>
          {ev.processingError ? (
            <p className="rounded-md bg-red-50 px-3 py-2 text-red-800">{ev.processingError}</p>
          ) : null}
          {ev.processingDetails ? (
            <details>
              <summary className="cursor-pointer text-slate-700">{t("whatProcessingDid")}</summary>
              <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-white p-3 text-xs ring-1 ring-slate-200">
                {JSON.stringify(ev.processingDetails, null, 2)}
              </pre>
            </details>
          ) : null}
          <div>
            <div className="mb-1 flex items-center justify-between gap-3">
              <p className="text-slate-700">
                {shown === null
                  ? t("payloadMasked", { bytes: f.number(ev.bodyBytes) })
                  : t("payloadClear")}
              </p>
              {mayReveal && shown === null ? (
                <Button
                  variant="secondary"
                  onClick={() => setAsking(true)}
                  data-testid="webhook-reveal"
                >
                  <Eye className="h-4 w-4" aria-hidden /> {t("reveal")}
                </Button>
              ) : null}
            </div>
            <pre
              data-testid="raw-payload"
              className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
            >
              {shown ?? ev.body}
            </pre>
            {shown !== null ? (
              <p className="mt-1 text-xs text-amber-800" data-testid="webhook-revealed">
                {t("revealed")}
              </p>
            ) : null}
          </div>
          {canReprocess ? (
            <div className="flex items-center gap-3">
              <Button
                variant="secondary"
                disabled={reprocess.isPending}
                onClick={() => reprocess.mutate(id)}
              >
                {reprocess.isPending ? t("reprocessing") : t("reprocess")}
              </Button>
              {reprocess.data ? (
                <span className="text-slate-600">
                  {t.rich("reprocessResult", {
                    result: resultLabel(reprocess.data.result),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                  {reprocess.data.error ? ` — ${reprocess.data.error}` : ""}
                </span>
              ) : (
                <span className="text-xs text-slate-500">{t("reprocessHint")}</span>
              )}
            </div>
          ) : null}
        </div>
      ) : q.isPending ? (
        <p className="mt-3 text-sm text-slate-500">{tc("loading")}</p>
      ) : null}
      <ReasonDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={t("why")}
        explanation={t("whyHint")}
        placeholder={t("whyPlaceholder")}
        submitLabel={t("confirmReveal")}
        pending={reveal.isPending}
        error={reveal.error}
        onSubmit={(reason) =>
          reveal.mutate(
            { id, reason },
            {
              onSuccess: (r) => {
                setClear({ id, rawBody: r.rawBody });
                setAsking(false);
              },
            },
          )
        }
        testId="webhook-reveal"
      />
    </aside>
  );
}
