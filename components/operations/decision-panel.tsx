"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { ErrorNote } from "../ui/error-note";
import { inputClass } from "./fields";
import { useStateLabel } from "./state-badge";
import { useDecisionFlow } from "./use-decision-flow";
import type { TOperation } from "./api";

// Approve or reject one operation. The fingerprint sent is the one on screen: if the maker edited
// the payout since, the server refuses and the approver reviews it again.
export function DecisionPanel({
  operation,
  onDone,
}: {
  operation: Pick<TOperation, "id" | "fingerprint" | "stepUpRequired">;
  onDone?: (decision: "approved" | "rejected", state: string) => void;
}) {
  const t = useTranslations("operations.decision");
  const stateLabel = useStateLabel();
  const flow = useDecisionFlow();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  async function decide(decision: "approved" | "rejected") {
    setError(null);
    try {
      const r = await flow.run({
        id: operation.id,
        fingerprint: operation.fingerprint,
        decision,
        comment: comment.trim() || undefined,
      });
      setDone(r.operation.state);
      onDone?.(decision, r.operation.state);
    } catch (err) {
      setError(err);
    }
  }

  if (done)
    return (
      <p role="status" className="text-sm text-slate-700" data-testid="decision-done">
        {t.rich("recorded", {
          state: stateLabel(done),
          strong: (c) => <strong>{c}</strong>,
        })}
      </p>
    );
  return (
    <div className="space-y-3" data-testid="decision-panel">
      <label className="block text-sm font-medium text-slate-700">
        {t("comment")}
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={2}
          maxLength={500}
          className={inputClass}
          data-testid="decision-comment"
        />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => decide("approved")} disabled={flow.pending} data-testid="approve">
          {t("approve")}
        </Button>
        <Button
          variant="danger"
          onClick={() => decide("rejected")}
          disabled={flow.pending || comment.trim().length < 5}
          title={comment.trim().length < 5 ? t("sayWhy") : undefined}
          data-testid="reject"
        >
          {t("reject")}
        </Button>
        {operation.stepUpRequired ? (
          <span className="text-xs text-slate-500">{t("stepUpNote")}</span>
        ) : null}
      </div>
      <ErrorNote error={error} />
      {flow.dialog}
    </div>
  );
}
