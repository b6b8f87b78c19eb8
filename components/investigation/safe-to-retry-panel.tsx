"use client";

import { useState } from "react";
import Link from "next/link";
import type { TRecoveryAction } from "@/lib/investigation/retry-verdict";
import { useIdempotencyKey } from "../operations/idempotency";
import { formatMs } from "../operations/format-time";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { ErrorNote } from "../ui/error-note";
import { useRecoveryAction, useRecoveryVerdict, useTimeline } from "./use-investigation";

const ACTION_LABEL: Record<TRecoveryAction, string> = {
  retry_same_key: "Retry with the same key",
  reconcile: "Reconcile (look it up at Mono)",
  mark_failed: "Mark failed",
};

// "Safe to retry?" for an operation in needs_attention or stuck in sending: the verdict, the
// facts behind it, and only the actions the verdict allows (the server re-checks each one).
// The operation's state comes from the timeline query (shared cache), so the panel mounts anywhere.
export function SafeToRetryPanel({
  operationId,
  canRecover,
}: {
  operationId: string;
  canRecover: boolean;
}) {
  const state = useTimeline(operationId).data?.state;
  const applicable = state === "needs_attention" || state === "sending";
  const verdict = useRecoveryVerdict(operationId, applicable);
  const act = useRecoveryAction(operationId);
  const { key, settle } = useIdempotencyKey();
  const [action, setAction] = useState<TRecoveryAction | null>(null);
  const [reason, setReason] = useState("");
  if (!applicable) return null;
  const v = verdict.data;
  return (
    <Card data-testid="safe-to-retry">
      <CardHeader
        title="Safe to retry?"
        description="Decided from the facts: the send lease, Mono's 24 h idempotency window, whether the payload is unchanged, and whether Mono already has it (by external_id)."
      />
      <div className="space-y-3 px-5 py-4 text-sm">
        <ErrorNote error={verdict.error} />
        {verdict.isPending ? <p className="text-slate-500">Checking with Mono…</p> : null}
        {v ? (
          <>
            <p className="text-base font-semibold text-slate-900" data-testid="verdict">
              {v.verdict.headline}
            </p>
            <p className="text-slate-700">{v.verdict.why}</p>
            <ul className="list-disc space-y-0.5 pl-5 text-xs text-slate-600">
              <li>
                Window:{" "}
                {v.facts.neverSent
                  ? "never sent"
                  : v.facts.insideWindow
                    ? `${formatMs(v.facts.windowLeftMs)} left`
                    : "expired"}
              </li>
              <li>Payload: {v.facts.payloadMatches ? "unchanged" : v.payloadReasons.join("; ")}</li>
              <li>
                At Mono: {v.facts.monoHasIt}
                {v.mono?.monoId ? ` (${v.mono.monoId})` : ""} — {v.mono?.evidence.join("; ")}
              </li>
              <li>
                Attempts so far: {v.facts.attemptCount}
                {v.facts.lastErrorCode ? `, last error ${v.facts.lastErrorCode}` : ""}
              </li>
            </ul>
            <p className="text-xs">
              <Link
                className="text-brand-700 hover:underline"
                href={`/operations/${operationId}/timeline`}
              >
                Timeline
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
                    {ACTION_LABEL[a]}
                  </Button>
                ))}
              </div>
            ) : (
              <p className="text-xs text-slate-500">Recovery actions need the approver role.</p>
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
              Why? ({ACTION_LABEL[action]}) — recorded in the audit log
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
                {act.isPending ? "Working…" : "Confirm"}
              </Button>
              <Button type="button" variant="ghost" onClick={() => setAction(null)}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
        <ErrorNote error={act.error} />
        {act.data ? (
          <p role="status" className="text-sm text-emerald-700">
            Done: {act.data.outcome.replace(/_/g, " ")}.
          </p>
        ) : null}
      </div>
    </Card>
  );
}
