"use client";

import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TRecoveryAction, TVerdict } from "@/lib/investigation/retry-verdict";
import type { TWordParams } from "@/lib/investigation/recovery-words";
import { ApiError } from "../api-client";
import { useIdempotencyKey } from "../operations/idempotency";
import { useStateLabel } from "../operations/state-badge";
import { useFormat } from "../i18n/use-format";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { wordsOf } from "./server-words";
import { useRecoveryAction, useRecoveryVerdict, useTimeline } from "./use-investigation";

// "Safe to retry?" for an operation in needs_attention or stuck in sending: the verdict, the
// facts behind it, and only the actions the verdict allows (the server re-checks each one).
// The operation's state comes from the timeline query (shared cache), so the panel mounts anywhere.
// The verdict, the payload reasons and Mono's evidence arrive in English with their codes: they are
// worded from the catalogue (recovery.verdicts, payloadReasons, evidence), the English kept for a
// code the catalogue does not know.
export function SafeToRetryPanel({
  operationId,
  canRecover,
}: {
  operationId: string;
  canRecover: boolean;
}) {
  const t = useTranslations("investigation.recovery");
  const f = useFormat();
  const actionLabel = (a: TRecoveryAction) => t(`actions.${a}`);
  const outcomeLabel = (o: string) =>
    t.has(`outcomes.${o}`) ? t(`outcomes.${o}`) : o.replace(/_/g, " ");
  const stateLabel = useStateLabel();
  // The verdict's values, with the state named as the operations list names it.
  const verdictParams = (p: TVerdict["params"]): TWordParams => ({
    ...(p.mono ? { mono: p.mono } : {}),
    ...(p.state ? { state: stateLabel(p.state) } : {}),
  });
  // A refusal by the fresh verdict (409 state_conflict, meta.verdict and meta.verdictParams) reads
  // in the person's language; any other error as the server wrote it.
  const refusal = (err: unknown) => {
    const p = err instanceof ApiError ? err.problem : null;
    const code = p?.code === "state_conflict" ? p.meta?.verdict : undefined;
    if (!p || typeof code !== "string" || !t.has(`verdicts.${code}.headline`)) return err;
    const params = (p.meta?.verdictParams ?? {}) as TVerdict["params"];
    return new ApiError({
      ...p,
      detail: t("notAllowed", {
        headline: verdictWord({ code: code as TVerdict["code"], params }, "headline", ""),
      }),
    });
  };
  const verdictWord = (
    v: Pick<TVerdict, "code" | "params">,
    part: "headline" | "why",
    english: string,
  ) => {
    const key = `verdicts.${v.code}.${part}`;
    return t.has(key) ? t(key, verdictParams(v.params)) : english;
  };
  const state = useTimeline(operationId).data?.state;
  const applicable = state === "needs_attention" || state === "sending";
  const verdict = useRecoveryVerdict(operationId, applicable);
  const act = useRecoveryAction(operationId);
  const { key, settle } = useIdempotencyKey();
  const [action, setAction] = useState<TRecoveryAction | null>(null);
  const [reason, setReason] = useState("");
  if (!applicable) return null;
  const v = verdict.data;
  const evidence = v?.mono
    ? wordsOf(t, "evidence", v.mono.evidence, v.mono.evidenceCodes, (p) =>
        typeof p.since === "string" ? { ...p, since: f.when(p.since) } : p,
      )
    : [];
  return (
    <Card data-testid="safe-to-retry">
      <CardHeader title={t("title")} description={t("description")} />
      <div className="space-y-3 px-5 py-4 text-sm">
        <ErrorNote error={verdict.error} />
        {verdict.isPending ? <p className="text-slate-500">{t("checking")}</p> : null}
        {v ? (
          <>
            <p className="text-base font-semibold text-slate-900" data-testid="verdict">
              {verdictWord(v.verdict, "headline", v.verdict.headline)}
            </p>
            <p className="text-slate-700">{verdictWord(v.verdict, "why", v.verdict.why)}</p>
            <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600">
              <li>
                {t("window", {
                  value: v.facts.neverSent
                    ? t("neverSent")
                    : v.facts.insideWindow
                      ? t("left", { duration: f.duration(v.facts.windowLeftMs) })
                      : t("expired"),
                })}
              </li>
              <li>
                {t("payload", {
                  value: v.facts.payloadMatches
                    ? t("unchanged")
                    : wordsOf(t, "payloadReasons", v.payloadReasons, v.payloadReasonCodes).join(
                        "; ",
                      ),
                })}
              </li>
              <li>
                {t("atMono", { presence: t(`presence.${v.facts.monoHasIt}`) })}
                {v.mono?.monoId ? ` (${v.mono.monoId})` : ""} — {evidence.join("; ")}
              </li>
              <li>
                {t("attemptsSoFar", { count: String(v.facts.attemptCount) })}
                {v.facts.lastErrorCode ? t("lastError", { code: v.facts.lastErrorCode }) : ""}
              </li>
            </ul>
            <p className="text-xs">
              <Link
                className="text-brand-700 hover:underline"
                href={`/operations/${operationId}/timeline`}
              >
                {t("timeline")}
              </Link>
            </p>
            {canRecover ? (
              <div className="flex flex-wrap gap-2">
                {v.verdict.allowed.map((a) => (
                  <Button
                    key={a}
                    variant={
                      a === "mark_failed"
                        ? "danger"
                        : a === "retry_same_key"
                          ? "primary"
                          : "secondary"
                    }
                    onClick={() => setAction(a)}
                  >
                    {actionLabel(a)}
                  </Button>
                ))}
              </div>
            ) : (
              <p className="text-xs text-slate-500">{t("needsApprover")}</p>
            )}
          </>
        ) : null}
        {action ? (
          <form
            className="space-y-2 rounded-md border border-slate-200 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              act.mutate(
                { action, reason, key },
                {
                  onSuccess: () => {
                    settle();
                    setAction(null);
                    setReason("");
                  },
                  onError: (err) => settle(err),
                },
              );
            }}
          >
            <label className="block text-sm font-medium text-slate-700">
              {t("why", { action: actionLabel(action) })}
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                required
                minLength={5}
                rows={2}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </label>
            <div className="flex gap-2">
              <Button type="submit" disabled={act.isPending}>
                {act.isPending ? t("working") : t("confirm")}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setAction(null)}>
                {t("cancel")}
              </Button>
            </div>
          </form>
        ) : null}
        <ErrorNote error={refusal(act.error)} />
        {act.data ? (
          <p role="status" className="text-sm text-emerald-700">
            {t("done", { outcome: outcomeLabel(act.data.outcome) })}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
